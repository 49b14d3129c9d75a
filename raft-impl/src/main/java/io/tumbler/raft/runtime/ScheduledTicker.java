package io.tumbler.raft.runtime;

import io.tumbler.raft.node.Ticker;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real {@link Ticker}: runs {@code onTick} every {@code tickMillis} on the node's own single-threaded
 * scheduled executor, so ticks are serialized with every other call into the node. Fixed-rate scheduling
 * makes up ticks missed during a stall (GC pause, slow fsync) in a burst afterwards, which keeps the tick
 * count close to real time; that is what a leader lease relies on, and the lease's drift bound
 * ({@code leaseDriftBoundTicks}) must cover the lag that remains.
 */
public final class ScheduledTicker implements Ticker {
    private final ScheduledExecutorService nodeExecutor;
    private final long tickMillis;
    private final Consumer<RuntimeException> onFailure;
    private ScheduledFuture<?> task;

    /**
     * Ticks on {@code nodeExecutor} (which must be the node's single thread) every {@code tickMillis}. An
     * exception thrown by a tick (a broken invariant) stops the ticker and goes to {@code onFailure}, rather
     * than silently cancelling the periodic task as a bare executor would.
     */
    public ScheduledTicker(ScheduledExecutorService nodeExecutor, long tickMillis, Consumer<RuntimeException> onFailure) {
        if (tickMillis <= 0) {
            throw new IllegalArgumentException("tickMillis must be positive, got " + tickMillis);
        }
        this.nodeExecutor = nodeExecutor;
        this.tickMillis = tickMillis;
        this.onFailure = onFailure;
    }

    @Override
    public void start(Runnable onTick) {
        if (task != null) {
            throw new IllegalStateException("ticker already started");
        }
        Runnable guarded = () -> {
            try {
                onTick.run();
            } catch (RuntimeException e) {
                stop();
                onFailure.accept(e);
            }
        };
        task = nodeExecutor.scheduleAtFixedRate(guarded, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (task != null) {
            // Called on the node's thread: no tick is running now, and cancel prevents the next one.
            task.cancel(false);
        }
    }
}
