package io.tumbler.sim.kernel;

import io.tumbler.sim.random.RandomStreams;
import io.tumbler.sim.trace.TraceJournal;
import java.util.function.BooleanSupplier;

/**
 * The deterministic discrete-event loop: one thread, one {@link EventQueue} ordered by (time, insertion
 * sequence); simulated time (nanoseconds in a long) jumps to the next event. A run is a pure function of its
 * seed and the code that schedules events.
 *
 * <p>Contracts:
 * <ul>
 *   <li>Only the thread that created the simulation may call it; events run on that thread, one at a time.
 *   <li>{@link #nowNanos()} never decreases; an event may be scheduled at {@code nowNanos()} or later, never
 *       in the past.
 *   <li>The {@link RunBudget} counts from the simulation's creation across all {@code runUntil...} calls.
 *       Exhausting it returns a {@link RunResult} whose outcome {@link RunOutcome#isBudgetExceeded()} and whose
 *       message names the seed.
 *   <li>An event that throws ends the simulation with a {@link SimulationFailure} (seed, time, event, its
 *       number and the process it acted for); the simulation refuses to run afterwards. Nothing is swallowed.
 *   <li>{@code runUntil...} may not be called from inside an event.
 * </ul>
 */
public final class Simulation {
    private static final long NO_TARGET = Long.MAX_VALUE;
    /** {@link #actingProcess()} when the current event acts for no process (a harness action, a fault). */
    public static final int NO_PROCESS = -1;

    private final long seed;
    private final RunBudget budget;
    private final RandomStreams streams;
    private final TraceJournal journal;
    private final EventQueue queue = new EventQueue(1024);
    private long nowNanos;
    private long eventsExecuted;
    private boolean running;
    private SimulationFailure failure;
    /** The process the current event acts for ({@link #actingFor}), or {@link #NO_PROCESS}; reset per event. */
    private int actingProcess = NO_PROCESS;

    /** A simulation with the given seed, budget and journal; time starts at 0. */
    public Simulation(long seed, RunBudget budget, TraceJournal journal) {
        this.seed = seed;
        this.budget = budget;
        this.streams = RandomStreams.root(seed);
        this.journal = journal;
    }

    /** A simulation with a {@link RunBudget#generous()} budget and a fingerprint-only journal. */
    public static Simulation create(long seed) {
        return new Simulation(seed, RunBudget.generous(), TraceJournal.fingerprintOnly());
    }

    /** The root seed. */
    public long seed() {
        return seed;
    }

    /** The run's budget. */
    public RunBudget budget() {
        return budget;
    }

    /** Named random streams derived from the seed. */
    public RandomStreams streams() {
        return streams;
    }

    /** The trace journal every component records into. */
    public TraceJournal journal() {
        return journal;
    }

    /** Current true simulated time. */
    public long nowNanos() {
        return nowNanos;
    }

    /** Live events executed so far. */
    public long eventsExecuted() {
        return eventsExecuted;
    }

    /**
     * The process on whose behalf the current event runs: the one a message, timer or sync completion was
     * admitted to, or the one being started; {@link #NO_PROCESS} for an event that acts for none. After a
     * {@link SimulationFailure} it still names the failing event's process. Bookkeeping only: it changes no
     * trace record, so fingerprints do not depend on it.
     */
    public int actingProcess() {
        return actingProcess;
    }

    /**
     * Declares that the current event from now on acts for {@code process} (called by the process layer when
     * it admits an event to a process or starts one); returns the previous value so a nested start can restore
     * it.
     */
    public int actingFor(int process) {
        int previous = actingProcess;
        actingProcess = process;
        return previous;
    }

    /** Events queued (live or stale). */
    public int pendingEvents() {
        return queue.size();
    }

    /** The trace fingerprint so far. */
    public long fingerprint() {
        return journal.fingerprint();
    }

    /** Queues {@code event} at absolute time {@code atNanos} (not in the past). */
    public void schedule(long atNanos, Event event) {
        if (atNanos < nowNanos) {
            throw new IllegalArgumentException("cannot schedule in the past: at=" + atNanos + " < now=" + nowNanos);
        }
        queue.add(atNanos, event);
    }

    /** Queues {@code event} {@code delayNanos} (>= 0) from now. */
    public void scheduleAfter(long delayNanos, Event event) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delayNanos must be >= 0: " + delayNanos);
        }
        schedule(Math.addExact(nowNanos, delayNanos), event);
    }

    /** Queues a harness action (a fault, a client request); it is traced as {@code ACTION} with its label. */
    public void schedule(long atNanos, String label, Runnable action) {
        schedule(atNanos, new LabeledAction(this, label, action));
    }

    /** Runs every event due at or before {@code timeNanos}, then sets the clock to {@code timeNanos}. */
    public RunResult runUntil(long timeNanos) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("runUntil into the past: " + timeNanos + " < now=" + nowNanos);
        }
        return run(timeNanos, null);
    }

    /** Runs for {@code durationNanos} of simulated time from now. */
    public RunResult runFor(long durationNanos) {
        return runUntil(Math.addExact(nowNanos, durationNanos));
    }

    /** Runs until {@code stop} is true (checked before each event), the queue empties, or a budget ends it. */
    public RunResult runUntil(BooleanSupplier stop) {
        return run(NO_TARGET, stop);
    }

    /** Runs until no event is left, or a budget ends it. */
    public RunResult runUntilIdle() {
        return run(NO_TARGET, null);
    }

    private RunResult run(long targetNanos, BooleanSupplier stop) {
        enter();
        try {
            return loop(targetNanos, stop);
        } finally {
            running = false;
        }
    }

    private void enter() {
        if (failure != null) {
            throw new IllegalStateException("simulation already failed (seed " + seed + ")", failure);
        }
        if (running) {
            throw new IllegalStateException("runUntil called from inside an event (seed " + seed + ")");
        }
        running = true;
    }

    private RunResult loop(long targetNanos, BooleanSupplier stop) {
        long limitNanos = Math.min(targetNanos, budget.maxTimeNanos());
        while (true) {
            if (stop != null && stop.getAsBoolean()) {
                return result(RunOutcome.PREDICATE_SATISFIED);
            }
            if (queue.isEmpty() || queue.peekTime() > limitNanos) {
                return endOfQueue(targetNanos);
            }
            if (eventsExecuted >= budget.maxEvents()) {
                return result(RunOutcome.EVENT_BUDGET_EXCEEDED);
            }
            long timeNanos = queue.peekTime();
            Event event = (Event) queue.poll();
            nowNanos = timeNanos;
            if (fire(event)) {
                eventsExecuted++;
            }
        }
    }

    private RunResult endOfQueue(long targetNanos) {
        if (targetNanos == NO_TARGET) {
            return result(queue.isEmpty() ? RunOutcome.IDLE : RunOutcome.TIME_BUDGET_EXCEEDED);
        }
        if (targetNanos > budget.maxTimeNanos()) {
            nowNanos = Math.max(nowNanos, budget.maxTimeNanos());
            return result(RunOutcome.TIME_BUDGET_EXCEEDED);
        }
        nowNanos = targetNanos;
        return result(RunOutcome.REACHED_TIME);
    }

    private boolean fire(Event event) {
        actingProcess = NO_PROCESS;
        try {
            return event.fire();
        } catch (RuntimeException | AssertionError e) {
            failure = new SimulationFailure(seed, nowNanos, "event " + event, e, eventsExecuted + 1, actingProcess);
            throw failure;
        }
    }

    private RunResult result(RunOutcome outcome) {
        return new RunResult(outcome, seed, nowNanos, eventsExecuted, journal.fingerprint(), budget);
    }
}
