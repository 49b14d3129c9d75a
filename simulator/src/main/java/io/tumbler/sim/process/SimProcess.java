package io.tumbler.sim.process;

/**
 * What a simulated process implements (a Raft node wrapper, a client, a bench peer). One instance serves one
 * incarnation: the {@link ProcessHost} asks its factory for a fresh instance at every start, so volatile state
 * is dropped by construction, and recovery must come from {@link ProcessContext#disk()}.
 *
 * <p>All callbacks run on the simulation thread, one at a time, only while the incarnation is running. They
 * must not block, sleep, start threads or read real time; they act through the context (send, set timers,
 * use the disk) and return.
 *
 * @param <M> the message type of the network it is attached to
 */
public interface SimProcess<M> {
    /** The incarnation starts (first start or restart): recover from disk, set initial timers. */
    void onStart(ProcessContext<M> context);

    /** A message from process {@code from} arrived; {@code message} is this process's own copy. */
    void onMessage(int from, M message);

    /**
     * The incarnation crashed: a hook for the owner (e.g. a harness marking a node dead). The context is already
     * dead; nothing may be sent or scheduled. Timers are cancelled and unsynced data lost by the host.
     */
    default void onCrash() {
    }
}
