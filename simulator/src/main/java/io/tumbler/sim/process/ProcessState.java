package io.tumbler.sim.process;

/** Lifecycle state of a simulated process. */
public enum ProcessState {
    /** Never started, or crashed: no volatile state, receives nothing, its disk holds only durable data. */
    DOWN,
    /** Receiving messages, timers and sync completions. */
    RUNNING,
    /** Stopped the world: events addressed to it are deferred to the resume; its clock keeps running. */
    PAUSED
}
