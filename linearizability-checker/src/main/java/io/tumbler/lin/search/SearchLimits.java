package io.tumbler.lin.search;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budgets shared by the searches of one check, which may run on several threads: a deadline, a
 * bound on cached configurations, and a bound on the heap the configuration caches may hold. Exceeding
 * any of them ends every search with UNKNOWN promptly, never with an OutOfMemoryError.
 */
public final class SearchLimits {
  private final long deadlineNanos;
  private final long maxConfigurations;
  private final long memoryBudgetBytes;
  private final AtomicLong configurations = new AtomicLong();
  private final AtomicLong reservedBytes = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /**
   * @param deadlineNanos     a {@link System#nanoTime()} after which searches stop, or Long.MAX_VALUE
   * @param maxConfigurations the most configurations all caches together may hold
   * @param memoryBudgetBytes the most heap all configuration caches together may hold
   */
  public SearchLimits(long deadlineNanos, long maxConfigurations, long memoryBudgetBytes) {
    this.deadlineNanos = deadlineNanos;
    this.maxConfigurations = maxConfigurations;
    this.memoryBudgetBytes = memoryBudgetBytes;
  }

  /** Whether the time is up or the check was cancelled; reads the clock. */
  boolean timeIsUp() {
    return cancelled.get() || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0);
  }

  /** Stops every search of this check at its next budget check. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Counts {@code count} more cached configurations; false when that passes the bound. */
  boolean admitConfigurations(long count) {
    return configurations.addAndGet(count) <= maxConfigurations;
  }

  /** Reserves heap for a cache that grows; false (and nothing reserved) when it would exceed the budget. */
  boolean reserve(long bytes) {
    long after = reservedBytes.addAndGet(bytes);
    if (after > memoryBudgetBytes) {
      reservedBytes.addAndGet(-bytes);
      return false;
    }
    return true;
  }

  /** Returns heap a finished or shrunk cache no longer holds. */
  void release(long bytes) {
    reservedBytes.addAndGet(-bytes);
  }

  /** Configurations admitted so far, across all searches. */
  public long configurationsAdmitted() {
    return configurations.get();
  }
}
