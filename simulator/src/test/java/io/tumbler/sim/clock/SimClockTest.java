package io.tumbler.sim.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.kernel.ProcessGate;
import io.tumbler.sim.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimClockTest {
    private static final long MS = 1_000_000;

    private final Simulation sim = Simulation.create(1);
    private final SimClock clock = new SimClock(sim, 0, ProcessGate.alwaysOpen());
    private final List<Long> firedAtTrueNanos = new ArrayList<>();

    private Timer timer(long localDelayNanos) {
        return clock.setTimer(localDelayNanos, () -> firedAtTrueNanos.add(sim.nowNanos()));
    }

    @Test
    void aTimerOnAClockRunningTwiceAsFastFiresAfterHalfTheTrueTime() {
        clock.setDrift(1.0);
        timer(10 * MS);
        sim.runUntilIdle();
        assertEquals(List.of(5 * MS), firedAtTrueNanos);
        assertEquals(10 * MS, clock.localNanos());
    }

    @Test
    void aSlowClockFiresLater() {
        clock.setDrift(-0.5);
        timer(10 * MS);
        sim.runUntilIdle();
        assertEquals(List.of(20 * MS), firedAtTrueNanos);
    }

    @Test
    void changingDriftReEvaluatesPendingTimers() {
        timer(10 * MS);
        sim.runUntil(4 * MS);
        clock.setDrift(1.0); // 6 ms of local time left, now passing twice as fast
        sim.runUntilIdle();
        assertEquals(List.of(7 * MS), firedAtTrueNanos);
    }

    @Test
    void aForwardJumpPastTheDeadlineFiresAtOnce() {
        timer(10 * MS);
        sim.runUntil(2 * MS);
        clock.jump(20 * MS);
        assertEquals(22 * MS, clock.localNanos());
        sim.runUntilIdle();
        assertEquals(List.of(2 * MS), firedAtTrueNanos);
    }

    @Test
    void aBackwardJumpDelaysTimersAndRepeatsReadings() {
        timer(10 * MS);
        sim.runUntil(4 * MS);
        clock.jump(-3 * MS);
        assertEquals(1 * MS, clock.localNanos());
        sim.runUntilIdle();
        assertEquals(List.of(13 * MS), firedAtTrueNanos);
    }

    @Test
    void aMonotonicTimerIgnoresJumpsBothWaysButFollowsDrift() {
        clock.setMonotonicTimer(10 * MS, () -> firedAtTrueNanos.add(sim.nowNanos()));
        sim.runUntil(2 * MS);
        clock.jump(-50 * MS);
        sim.runUntil(3 * MS);
        clock.jump(30 * MS);
        assertEquals(3 * MS, clock.monotonicNanos());
        assertEquals(-17 * MS, clock.localNanos());
        sim.runUntil(4 * MS);
        clock.setDrift(1.0); // 6 ms of monotonic time left, passing twice as fast
        sim.runUntilIdle();
        assertEquals(List.of(7 * MS), firedAtTrueNanos);
    }

    @Test
    void monotonicTimeNeverGoesBackWhenTheWallClockDoes() {
        sim.runUntil(5 * MS);
        clock.skew(200 * MS, 0);
        long before = clock.monotonicNanos();
        clock.skew(0, 0); // the heal of a skew is a backward jump of the wall clock
        assertEquals(before, clock.monotonicNanos());
        assertEquals(5 * MS, clock.localNanos());
    }

    @Test
    void skewSetsOffsetFromTrueTimeAndDrift() {
        sim.runUntil(10 * MS);
        clock.skew(-4 * MS, 0.5);
        assertEquals(6 * MS, clock.localNanos());
        assertEquals(-4 * MS, clock.offsetNanos());
        sim.runUntil(12 * MS);
        assertEquals(9 * MS, clock.localNanos());
        assertEquals(0.5, clock.drift());
    }

    @Test
    void cancelledTimersNeverFireAndCancelIsIdempotent() {
        Timer cancelled = timer(5 * MS);
        Timer kept = timer(6 * MS);
        assertEquals(2, clock.pendingTimers());
        assertTrue(cancelled.cancel());
        assertFalse(cancelled.cancel());
        sim.runUntilIdle();
        assertEquals(List.of(6 * MS), firedAtTrueNanos);
        assertFalse(kept.isPending());
        assertFalse(kept.cancel());
        assertEquals(0, clock.pendingTimers());
        assertEquals(1, sim.eventsExecuted(), "the cancelled timer's queue entry is stale, not an event");
    }

    @Test
    void cancelAllCancelsEverythingAndTimersReEvaluatedTwiceFireOnce() {
        timer(5 * MS);
        clock.setDrift(0.25);
        clock.setDrift(0.0);
        sim.runUntilIdle();
        assertEquals(List.of(5 * MS), firedAtTrueNanos);
        timer(5 * MS);
        timer(7 * MS);
        clock.cancelAll();
        sim.runUntilIdle();
        assertEquals(1, firedAtTrueNanos.size());
    }

    @Test
    void roundingNeverFiresBeforeTheLocalDeadline() {
        clock.setDrift(1.0 / 3.0);
        for (long delay = 1; delay < 2000; delay += 7) {
            long deadline = clock.localNanos() + delay;
            clock.setTimer(delay, () -> {
                assertTrue(clock.localNanos() >= deadline);
                // and one true nanosecond earlier it had not been reached
                assertTrue(clock.localNanos() - 2 < deadline);
            });
        }
        sim.runUntilIdle();
    }

    @Test
    void driftMustKeepTheClockMovingForward() {
        assertThrows(IllegalArgumentException.class, () -> clock.setDrift(-1.0));
        assertThrows(IllegalArgumentException.class, () -> clock.setDrift(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> timer(-1));
    }
}
