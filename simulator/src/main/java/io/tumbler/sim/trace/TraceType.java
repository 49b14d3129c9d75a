package io.tumbler.sim.trace;

/**
 * What a trace record is about, and what its two numeric fields {@code a} and {@code b} mean.
 *
 * <p>The ordinal of each constant is part of the fingerprint function: append new constants at the end, never
 * reorder or remove (that would change every fingerprint and break replay of saved runs).
 */
public enum TraceType {
    /** A labelled harness action ran. a = FNV-1a of the label, b = 0. */
    ACTION,
    /** A process started. a = incarnation, b = 0. */
    PROCESS_START,
    /** A process crashed. a = incarnation that died, b = bytes kept from a torn write, or -1 if none torn. */
    PROCESS_CRASH,
    /** A process was paused. a = incarnation, b = resume time in true nanoseconds. */
    PROCESS_PAUSE,
    /** A paused process resumed. a = incarnation, b = number of deferred events re-queued. */
    PROCESS_RESUME,
    /** A process's disk was wiped. a = number of files removed, b = 0. */
    PROCESS_WIPE,
    /** A message was handed to the network. process = sender; a = receiver, b = message digest. */
    MESSAGE_SEND,
    /** A message reached its receiver's handler. process = receiver; a = sender, b = message digest. */
    MESSAGE_DELIVER,
    /** A message was dropped. process = receiver; a = sender, b = {@link DropReason} ordinal. */
    MESSAGE_DROP,
    /** The network made an extra copy of a message. process = sender; a = receiver, b = digest. */
    MESSAGE_DUPLICATE,
    /** A message reached a clogged link and is held. process = receiver; a = sender, b = digest. */
    MESSAGE_HOLD,
    /** Held messages were released by an unclog. process = -1; a = number released, b = 0. */
    MESSAGE_RELEASE,
    /** An event for a paused process was deferred to its resume. a = incarnation, b = deferred count so far. */
    EVENT_DEFER,
    /** A timer was set. a = timer id, b = deadline on the process's local clock. */
    TIMER_SET,
    /** A timer fired. a = timer id, b = local clock reading when it fired. */
    TIMER_FIRE,
    /** A timer was cancelled before firing. a = timer id, b = 0. */
    TIMER_CANCEL,
    /** A process clock jumped. a = jump in nanoseconds (may be negative), b = new local reading. */
    CLOCK_JUMP,
    /** A process clock's drift changed. a = new drift in parts per billion, b = local reading. */
    CLOCK_DRIFT,
    /** Bytes were written (not yet durable). a = FNV-1a of the file name, b = length in bytes. */
    DISK_WRITE,
    /** A file was truncated (not yet durable). a = FNV-1a of the file name, b = new length. */
    DISK_TRUNCATE,
    /** An fsync was issued. a = FNV-1a of the file name, b = completion time in true nanoseconds. */
    DISK_SYNC_START,
    /** An fsync completed and made data durable. a = FNV-1a of the file name, b = durable length. */
    DISK_SYNC_OK,
    /** An fsync completed with a failure; nothing became durable. a = FNV-1a of the file name, b = 0. */
    DISK_SYNC_FAIL,
    /** A bit was flipped at rest. a = FNV-1a of the file name, b = bit position. */
    DISK_BIT_FLIP,
    /** A file was deleted (durable at once). a = FNV-1a of the file name, b = 0. */
    DISK_DELETE,
    /** Connectivity changed (partition, block, heal). a = number of blocked directed links after, b = 0. */
    NETWORK_TOPOLOGY,
    /** Clogging changed. a = node or -1, b = other end of a link or -1; process = 1 when clogged, 0 when cleared. */
    NETWORK_CLOG
}
