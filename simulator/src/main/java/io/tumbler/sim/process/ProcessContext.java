package io.tumbler.sim.process;

import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.clock.TimerAction;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.random.RandomStream;

/**
 * A running incarnation's view of the world: its own clock, the network, its disk and its random stream.
 *
 * <p>A context belongs to one incarnation. Once that incarnation has crashed every action throws
 * {@link IllegalStateException}: a dead process acting would be a harness bug, not an expected outcome.
 *
 * @param <M> the message type
 */
public final class ProcessContext<M> {
    private final ProcessHost<M> host;
    private final int process;
    private final int incarnation;

    ProcessContext(ProcessHost<M> host, int process, int incarnation) {
        this.host = host;
        this.process = process;
        this.incarnation = incarnation;
    }

    /** This process's id (its network address). */
    public int id() {
        return process;
    }

    /** This process's name. */
    public String name() {
        return host.name(process);
    }

    /** This incarnation's number (1 for the first start). */
    public int incarnation() {
        return incarnation;
    }

    /** Number of processes in the host (ids are {@code 0..processCount()-1}). */
    public int processCount() {
        return host.size();
    }

    /** The local clock's reading: this process's own time, with its offset, drift and jumps (it can go back). */
    public long nowNanos() {
        checkAlive();
        return host.clock(process).localNanos();
    }

    /** The monotonic clock's reading: local time without its jumps (drift applies), never going back. */
    public long monotonicNanos() {
        checkAlive();
        return host.clock(process).monotonicNanos();
    }

    /** Sends {@code message} to process {@code to} over the network. */
    public void send(int to, M message) {
        checkAlive();
        host.network().send(process, to, message);
    }

    /** Sets a timer that fires after {@code localDelayNanos} of this process's local clock. */
    public Timer setTimer(long localDelayNanos, TimerAction action) {
        checkAlive();
        return host.clock(process).setTimer(localDelayNanos, action);
    }

    /** Sets a timer that fires after {@code delayNanos} of this process's monotonic clock (jumps do not move it). */
    public Timer setMonotonicTimer(long delayNanos, TimerAction action) {
        checkAlive();
        return host.clock(process).setMonotonicTimer(delayNanos, action);
    }

    /** This process's disk. */
    public SimDisk disk() {
        checkAlive();
        return host.disk(process);
    }

    /** This process's random stream ({@code process/<name>}); continues across incarnations. */
    public RandomStream random() {
        checkAlive();
        return host.random(process);
    }

    /** Whether this incarnation is still the live one (running or paused). */
    public boolean isAlive() {
        return host.incarnation(process) == incarnation && host.state(process) != ProcessState.DOWN;
    }

    private void checkAlive() {
        if (!isAlive()) {
            throw new IllegalStateException("process " + name() + " incarnation " + incarnation
                    + " is dead and cannot act");
        }
    }
}
