package io.tumbler.sim.clock;

import io.tumbler.sim.kernel.Admission;
import io.tumbler.sim.kernel.ProcessGate;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.trace.TraceType;

/**
 * A process's own clock. Between changes, local time runs at rate {@code 1 + drift} relative to true time:
 * {@code local(t) = baseLocal + (t - baseTrue) + floor((t - baseTrue) * drift)}. A {@link #jump} moves local
 * time forward or backward at once; {@link #setDrift} and {@link #skew} re-base the formula at the current
 * instant. Local time is a wall clock, not a monotonic one: after a backward jump it repeats readings.
 * {@link #monotonicNanos()} is the same clock without its jumps (drift still applies), as a process's
 * {@code CLOCK_MONOTONIC} would be; a {@linkplain #setMonotonicTimer monotonic timer} runs on it.
 *
 * <p>Timers fire by this clock: a timer for 10 ms local on a clock running 2x fast ({@code drift = 1.0})
 * fires 5 ms of true time later. Every change of offset or drift re-evaluates the true firing time of each
 * pending timer (a deadline already passed fires at once). Timers of a crashed incarnation are cancelled by
 * the process layer ({@link #cancelAll()}); the clock itself survives crashes, like hardware would.
 *
 * <p>Arithmetic uses doubles only for the drift product, {@link Math#floor} and {@link Math#ceil}, all exactly
 * specified by IEEE 754 and the JLS, so readings are identical on every JVM. Requires {@code -1 < drift <= 1000}.
 */
public final class SimClock {
    private static final double MAX_DRIFT = 1000.0;

    private final Simulation simulation;
    private final int process;
    private final ProcessGate gate;
    private long baseTrueNanos;
    private long baseLocalNanos;
    /** The sum of every jump so far: local minus monotonic time. */
    private long jumpedNanos;
    private double drift;
    private long nextTimerId = 1;
    private Timer head;
    private Timer tail;
    private int pendingCount;

    /** A clock for {@code process} that reads true time until skewed. */
    public SimClock(Simulation simulation, int process, ProcessGate gate) {
        this.simulation = simulation;
        this.process = process;
        this.gate = gate;
        this.baseTrueNanos = simulation.nowNanos();
        this.baseLocalNanos = simulation.nowNanos();
    }

    /** The process this clock belongs to. */
    public int process() {
        return process;
    }

    /** Local time now. */
    public long localNanos() {
        return localAt(simulation.nowNanos());
    }

    /** Monotonic time now: local time without its jumps, so it never goes back. */
    public long monotonicNanos() {
        return localNanos() - jumpedNanos;
    }

    /** Local minus true time now. */
    public long offsetNanos() {
        return localNanos() - simulation.nowNanos();
    }

    /** The current drift (0 = exact, 1.0 = twice as fast, -0.5 = half speed). */
    public double drift() {
        return drift;
    }

    /** Number of timers that have neither fired nor been cancelled. */
    public int pendingTimers() {
        return pendingCount;
    }

    /** Moves local time by {@code deltaNanos} (negative = backward) and re-evaluates pending timers. */
    public void jump(long deltaNanos) {
        rebase();
        baseLocalNanos = Math.addExact(baseLocalNanos, deltaNanos);
        jumpedNanos = Math.addExact(jumpedNanos, deltaNanos);
        for (Timer t = head; t != null; t = t.next) {
            t.shiftWithJump(deltaNanos);
        }
        simulation.journal().record(TraceType.CLOCK_JUMP, simulation.nowNanos(), process, deltaNanos, baseLocalNanos);
        rescheduleAll();
    }

    /** Sets the rate from now on to {@code 1 + drift} and re-evaluates pending timers. */
    public void setDrift(double newDrift) {
        checkDrift(newDrift);
        rebase();
        drift = newDrift;
        long driftPpb = Math.round(newDrift * 1e9);
        simulation.journal().record(TraceType.CLOCK_DRIFT, simulation.nowNanos(), process, driftPpb, baseLocalNanos);
        rescheduleAll();
    }

    /** Sets local time to true time plus {@code offsetNanos} now and the drift from now on. */
    public void skew(long offsetNanos, double newDrift) {
        jump(Math.subtractExact(Math.addExact(simulation.nowNanos(), offsetNanos), localNanos()));
        setDrift(newDrift);
    }

    /**
     * Sets a timer that fires when local time has advanced by {@code localDelayNanos}, for the process's current
     * incarnation. Processes call this through their context rather than directly.
     */
    public Timer setTimer(long localDelayNanos, TimerAction action) {
        return set(localDelayNanos, false, action);
    }

    /**
     * Sets a timer that fires when monotonic time has advanced by {@code delayNanos}: drift changes its rate,
     * a jump of the local clock does not move it (a timer on {@code CLOCK_MONOTONIC}, as a production
     * scheduler's is).
     */
    public Timer setMonotonicTimer(long delayNanos, TimerAction action) {
        return set(delayNanos, true, action);
    }

    private Timer set(long localDelayNanos, boolean monotonic, TimerAction action) {
        if (localDelayNanos < 0) {
            throw new IllegalArgumentException("localDelayNanos must be >= 0: " + localDelayNanos);
        }
        long deadline = Math.addExact(localNanos(), localDelayNanos);
        Timer timer = new Timer(this, nextTimerId++, gate.incarnation(process), deadline, monotonic, action);
        link(timer);
        simulation.journal().record(TraceType.TIMER_SET, simulation.nowNanos(), process, timer.id(), deadline);
        schedule(timer);
        return timer;
    }

    /** Cancels every pending timer (the process crashed). */
    public void cancelAll() {
        for (Timer t = head; t != null; t = t.next) {
            t.pending = false;
        }
        head = null;
        tail = null;
        pendingCount = 0;
    }

    boolean cancel(Timer timer) {
        if (!timer.pending) {
            return false;
        }
        unlink(timer);
        simulation.journal().record(TraceType.TIMER_CANCEL, simulation.nowNanos(), process, timer.id(), 0);
        return true;
    }

    boolean fire(Timer timer, TimerFiring firing) {
        Admission admission = gate.admit(process, timer.incarnation(), firing);
        if (admission == Admission.DEFER) {
            return true;
        }
        unlink(timer);
        if (admission == Admission.RUN) {
            simulation.journal().record(TraceType.TIMER_FIRE, simulation.nowNanos(), process, timer.id(), localNanos());
            timer.action().onTimer();
        }
        return true;
    }

    private long localAt(long trueNanos) {
        long elapsed = trueNanos - baseTrueNanos;
        return baseLocalNanos + elapsed + (long) Math.floor(elapsed * drift);
    }

    /** The earliest true instant, not before now, at which local time reaches {@code deadlineLocalNanos}. */
    private long trueTimeOf(long deadlineLocalNanos) {
        long now = simulation.nowNanos();
        if (localAt(now) >= deadlineLocalNanos) {
            return now;
        }
        long guess = baseTrueNanos + (long) Math.ceil((deadlineLocalNanos - baseLocalNanos) / (1.0 + drift));
        guess = Math.max(guess, now);
        while (localAt(guess) < deadlineLocalNanos) {
            guess++;
        }
        while (guess > now && localAt(guess - 1) >= deadlineLocalNanos) {
            guess--;
        }
        return guess;
    }

    private void schedule(Timer timer) {
        simulation.schedule(trueTimeOf(timer.deadlineLocalNanos()), new TimerFiring(this, timer, timer.generation));
    }

    private void rescheduleAll() {
        for (Timer t = head; t != null; t = t.next) {
            t.generation++;
            schedule(t);
        }
    }

    private void rebase() {
        long now = simulation.nowNanos();
        baseLocalNanos = localAt(now);
        baseTrueNanos = now;
    }

    private static void checkDrift(double newDrift) {
        if (!(newDrift > -1.0 && newDrift <= MAX_DRIFT)) {
            throw new IllegalArgumentException("drift must be in (-1, " + MAX_DRIFT + "]: " + newDrift);
        }
    }

    private void link(Timer timer) {
        timer.previous = tail;
        if (tail == null) {
            head = timer;
        } else {
            tail.next = timer;
        }
        tail = timer;
        pendingCount++;
    }

    private void unlink(Timer timer) {
        timer.pending = false;
        if (timer.previous == null) {
            head = timer.next;
        } else {
            timer.previous.next = timer.next;
        }
        if (timer.next == null) {
            tail = timer.previous;
        } else {
            timer.next.previous = timer.previous;
        }
        timer.previous = null;
        timer.next = null;
        pendingCount--;
    }
}
