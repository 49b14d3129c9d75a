package io.tumbler.realcluster;

/**
 * The wall clock of one real-cluster run: monotonic nanoseconds since the workload started, the time base of
 * history.jsonl and of every applied fault.
 */
final class RunClock {
    private final long originNanos = System.nanoTime();

    /** Nanoseconds since the run started. */
    long nanos() {
        return System.nanoTime() - originNanos;
    }

    long millis() {
        return nanos() / 1_000_000;
    }

    /** Sleeps until {@code millis} after the start (returns at once if that is past). */
    void sleepUntilMillis(long millis) throws InterruptedException {
        long waitMillis = millis - millis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
    }
}
