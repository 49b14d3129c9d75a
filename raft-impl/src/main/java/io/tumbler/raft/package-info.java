/**
 * The Raft core as a pure state machine ({@link io.tumbler.raft.RaftCore}): messages, ticks and proposals go in, a
 * {@link io.tumbler.raft.Ready} comes out, and the caller does all I/O. It reads no clock, starts no thread and draws
 * no global randomness.
 *
 * <p>Code here states the Raft rules. The deliberate bugs of the {@link io.tumbler.raft.KnownBug} catalog live
 * beside the rule each one breaks, in one small {@code ...Deviation} method per deviation, so the rule's method reads
 * first as the correct rule; the convention is spelled out on {@link io.tumbler.raft.KnownBug}.
 */
package io.tumbler.raft;
