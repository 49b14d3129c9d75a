package io.tumbler.raft.node;

/**
 * The replicated application: a deterministic function of the committed command sequence.
 *
 * <p>Contract: every method is called from the node's single thread (see {@link RaftNode}); none may
 * block on I/O, read a clock or draw randomness, because every replica (and every simulated replay) must
 * reach the same state from the same commands. Byte arrays passed in are owned by the caller and must not
 * be retained for mutation; byte arrays returned become owned by the node and are never mutated after
 * return.
 *
 * <p>Client sessions (exactly-once application of retried commands) are handled by the node driver, not
 * here: {@link #apply} sees each committed client command once, and never sees the driver's NOOP entries.
 */
public interface StateMachine {
    /** Applies a committed command deterministically; the result goes back to the proposing client. */
    byte[] apply(long index, byte[] command);

    /** A read-only query against the current state (used by linearizable, lease and local reads). */
    byte[] query(byte[] query);

    /** A complete image of the state; {@link #restore} of it yields a state with the same {@link #digest}. */
    byte[] snapshot();

    /** Replaces the whole state by a {@link #snapshot} image. */
    void restore(byte[] snapshot);

    /** A 64-bit digest of the whole state; equal states give equal digests. */
    long digest();
}
