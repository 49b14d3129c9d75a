package io.tumbler.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.sim.trace.TraceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void timeJumpsToEachEventAndTiesRunInSchedulingOrder() {
        Simulation sim = Simulation.create(1);
        List<String> log = new ArrayList<>();
        sim.schedule(300, "c", () -> log.add("c@" + sim.nowNanos()));
        sim.schedule(100, "a", () -> log.add("a@" + sim.nowNanos()));
        sim.schedule(100, "b", () -> log.add("b@" + sim.nowNanos()));
        RunResult result = sim.runUntilIdle();
        assertEquals(RunOutcome.IDLE, result.outcome());
        assertEquals(List.of("a@100", "b@100", "c@300"), log);
        assertEquals(300, sim.nowNanos());
        assertEquals(3, result.eventsExecuted());
    }

    @Test
    void runUntilTimeRunsEventsDueThenAndSetsTheClock() {
        Simulation sim = Simulation.create(1);
        List<Long> fired = new ArrayList<>();
        for (long t : new long[] {10, 20, 21}) {
            sim.schedule(t, "e", () -> fired.add(sim.nowNanos()));
        }
        RunResult result = sim.runUntil(20);
        assertEquals(RunOutcome.REACHED_TIME, result.outcome());
        assertEquals(List.of(10L, 20L), fired);
        assertEquals(20, sim.nowNanos());
        sim.runFor(1000);
        assertEquals(1020, sim.nowNanos());
        assertEquals(List.of(10L, 20L, 21L), fired);
    }

    @Test
    void runUntilPredicateStopsBeforeTheNextEvent() {
        Simulation sim = Simulation.create(1);
        int[] count = {0};
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i, "tick", () -> count[0]++);
        }
        RunResult result = sim.runUntil(() -> count[0] == 4);
        assertEquals(RunOutcome.PREDICATE_SATISFIED, result.outcome());
        assertEquals(4, count[0]);
        assertEquals(4, sim.nowNanos());
        assertEquals(RunOutcome.IDLE, sim.runUntil(() -> false).outcome());
    }

    @Test
    void eventBudgetEndsARunawayRunWithItsSeed() {
        Simulation sim = new Simulation(77, new RunBudget(1000, Long.MAX_VALUE), TraceJournal.fingerprintOnly());
        scheduleForever(sim, 0);
        RunResult result = sim.runUntilIdle();
        assertEquals(RunOutcome.EVENT_BUDGET_EXCEEDED, result.outcome());
        assertTrue(result.outcome().isBudgetExceeded());
        assertEquals(1000, result.eventsExecuted());
        assertTrue(result.message().contains("seed 77"), result.message());
        assertTrue(result.message().contains("event budget of 1000"), result.message());
    }

    @Test
    void timeBudgetEndsARunThatWouldOutliveIt() {
        Simulation sim = new Simulation(78, new RunBudget(1L << 40, 1_000_000), TraceJournal.fingerprintOnly());
        scheduleForever(sim, 0);
        RunResult idle = sim.runUntilIdle();
        assertEquals(RunOutcome.TIME_BUDGET_EXCEEDED, idle.outcome());
        assertTrue(sim.nowNanos() <= 1_000_000);
        assertTrue(idle.message().contains("seed 78"), idle.message());
        Simulation quiet = new Simulation(79, new RunBudget(10, 1_000), TraceJournal.fingerprintOnly());
        assertEquals(RunOutcome.TIME_BUDGET_EXCEEDED, quiet.runUntil(5_000).outcome());
        assertEquals(1_000, quiet.nowNanos());
    }

    private static void scheduleForever(Simulation sim, long at) {
        sim.schedule(at, "again", () -> scheduleForever(sim, sim.nowNanos() + 1000));
    }

    @Test
    void aThrowingEventFailsTheRunNamingTheSeedAndTheSimulationStaysFailed() {
        Simulation sim = Simulation.create(4242);
        sim.schedule(5, "boom", () -> {
            throw new IllegalStateException("invariant broken");
        });
        SimulationFailure failure = assertThrows(SimulationFailure.class, sim::runUntilIdle);
        assertTrue(failure.getMessage().contains("seed 4242"), failure.getMessage());
        assertTrue(failure.getMessage().contains("boom"), failure.getMessage());
        assertEquals(5, failure.timeNanos());
        assertEquals(4242, failure.seed());
        assertEquals(1, failure.eventNumber());
        assertEquals(Simulation.NO_PROCESS, failure.process(), "a harness action acts for no process");
        assertThrows(IllegalStateException.class, sim::runUntilIdle);
    }

    @Test
    void staleEventsAreNotCountedAndPastOrReentrantSchedulingIsRefused() {
        Simulation sim = Simulation.create(1);
        sim.schedule(1, () -> false);
        sim.schedule(2, () -> true);
        assertEquals(1, sim.runUntilIdle().eventsExecuted());
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, () -> true));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(1));
        sim.schedule(3, "reenter", sim::runUntilIdle);
        assertThrows(SimulationFailure.class, sim::runUntilIdle);
    }

    @Test
    void fingerprintDependsOnWhatRanNotOnTextMode() {
        long plain = twoActions(TraceJournal.fingerprintOnly(), "x", "y").fingerprint();
        Simulation text = twoActions(TraceJournal.withText(), "x", "y");
        assertEquals(plain, text.fingerprint());
        assertEquals(2, text.journal().records().size());
        assertEquals(TraceType.ACTION, text.journal().records().get(0).type());
        assertEquals("x", text.journal().records().get(0).detail());
        assertNotEquals(plain, twoActions(TraceJournal.fingerprintOnly(), "y", "x").fingerprint());
        assertFalse(TraceJournal.fingerprintOnly().keepsText());
    }

    private static Simulation twoActions(TraceJournal journal, String first, String second) {
        Simulation sim = new Simulation(1, RunBudget.generous(), journal);
        sim.schedule(1, first, () -> { });
        sim.schedule(2, second, () -> { });
        sim.runUntilIdle();
        return sim;
    }
}
