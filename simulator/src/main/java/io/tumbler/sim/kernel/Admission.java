package io.tumbler.sim.kernel;

/** A {@link ProcessGate}'s verdict on an event addressed to a process incarnation. */
public enum Admission {
    /** The incarnation is up and running: perform the event now. */
    RUN,
    /** The incarnation is gone (crashed, restarted since, never started): drop the event. */
    DROP,
    /** The process is paused: the gate has kept the event and will re-queue it at resume. */
    DEFER
}
