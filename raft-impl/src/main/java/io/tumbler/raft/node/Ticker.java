package io.tumbler.raft.node;

/**
 * The node's only source of time: it calls {@code onTick} once per tick interval (the unit of
 * {@code electionTimeoutTicks} and {@code heartbeatIntervalTicks}).
 *
 * <p>Contract: {@code onTick} runs on the node's thread, never concurrently with any other call into the
 * node. Ticks may arrive late or be skipped under load (a paused process, a slow host); the Raft core
 * tolerates that, and lease reads account for clock drift with an explicit bound. A real ticker reads a
 * monotonic clock; a simulated ticker fires on the node's simulated clock.
 */
public interface Ticker {
    /** Starts ticking; called once. */
    void start(Runnable onTick);

    /** Stops ticking; no tick is delivered after this returns (on the node's thread). Idempotent. */
    void stop();

    /**
     * Delivers, on the calling (node's) thread and before returning, every tick that is due by the ticker's
     * clock but not yet delivered. The node calls it before it judges a leader lease, so that a stall which
     * delayed the ticks (a GC or VM pause) cannot leave it serving a lease read on a tick count from before the
     * stall. A ticker that never falls behind may keep the default, which does nothing.
     */
    default void catchUp() {
    }
}
