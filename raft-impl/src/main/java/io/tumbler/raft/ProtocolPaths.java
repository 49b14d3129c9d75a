package io.tumbler.raft;

/**
 * The port through which the core reports each {@link ProtocolPath} it takes. Production uses {@link #NONE};
 * a simulation's node driver turns each report into an observation, to count the paths a run exercised.
 *
 * <p>Contract: called on the node's thread, synchronously, from inside {@code tick}, {@code step} or
 * {@code campaign}, when the core takes the path (before anything it leads to is persisted or sent); must not
 * block and must not call back into the core. Reporting changes nothing the core does.
 */
@FunctionalInterface
public interface ProtocolPaths {
    /** Discards every report: the production setting (the core skips the call altogether). */
    ProtocolPaths NONE = (path, peer, term) -> { };

    /** The core took {@code path} in {@code term}; {@code peer} is the other node involved, or 0. */
    void taken(ProtocolPath path, int peer, long term);
}
