package io.tumbler.raft.runtime;

import io.tumbler.raft.node.Ticker;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real {@link Ticker}: runs {@code onTick} on the node's own single-threaded scheduled executor, so ticks are
 * serialized with every other call into the node. Ticks are counted against a monotonic clock: tick {@code k} is
 * due {@code k * tickMillis} after the start, and each run of the periodic task (and each {@link #catchUp},
 * which the node calls before it judges a lease) delivers every tick due by now. A stall (GC pause, slow
 * fsync) so ends in a burst of the ticks it missed, before any request the node handles after it, which is what
 * a leader lease relies on (the lease's drift bound, {@code leaseDriftBoundTicks}, covers the clocks' rate
 * error). A burst makes up at most {@code maxBurstTicks} ticks (one less than the election timeout: enough to
 * expire any lease, and at most one election) and drops older ones, whose only effect would be a string of
 * elections the node would have started while it was stopped.
 */
public final class ScheduledTicker implements Ticker {
    private final ScheduledExecutorService nodeExecutor;
    private final long tickMillis;
    private final Consumer<RuntimeException> onFailure;
    private final long maxBurstTicks;
    private ScheduledFuture<?> task;
    private Runnable onTick;
    private long startNanos;
    private long delivered;
    private boolean stopped;

    /**
     * Ticks on {@code nodeExecutor} (which must be the node's single thread) every {@code tickMillis}. An
     * exception thrown by a tick (a broken invariant) stops the ticker and goes to {@code onFailure}, rather
     * than silently cancelling the periodic task as a bare executor would.
     */
    public ScheduledTicker(ScheduledExecutorService nodeExecutor, long tickMillis, long maxBurstTicks,
                           Consumer<RuntimeException> onFailure) {
        if (tickMillis <= 0 || maxBurstTicks <= 0) {
            throw new IllegalArgumentException("tickMillis and maxBurstTicks must be positive, got " + tickMillis
                    + " and " + maxBurstTicks);
        }
        this.nodeExecutor = nodeExecutor;
        this.tickMillis = tickMillis;
        this.maxBurstTicks = maxBurstTicks;
        this.onFailure = onFailure;
    }

    @Override
    public void start(Runnable tick) {
        if (task != null) {
            throw new IllegalStateException("ticker already started");
        }
        this.onTick = tick;
        this.startNanos = System.nanoTime();
        task = nodeExecutor.scheduleAtFixedRate(this::catchUp, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void catchUp() {
        if (onTick == null) {
            return;
        }
        long due = (System.nanoTime() - startNanos) / TimeUnit.MILLISECONDS.toNanos(tickMillis);
        delivered = Math.max(delivered, due - maxBurstTicks);
        try {
            while (!stopped && delivered < due) {
                delivered++;
                onTick.run();
            }
        } catch (RuntimeException e) {
            stop();
            onFailure.accept(e);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        if (task != null) {
            // Called on the node's thread: no tick is running now, and cancel prevents the next one.
            task.cancel(false);
        }
    }
}
