package io.tumbler.sim.process;

import io.tumbler.sim.kernel.Event;

/** The scheduled end of one pause; stale if the process crashed (or was paused again) meanwhile. */
final class PauseEnd implements Event {
    private final ProcessHost<?> host;
    private final int process;
    private final long pauseGeneration;

    PauseEnd(ProcessHost<?> host, int process, long pauseGeneration) {
        this.host = host;
        this.process = process;
        this.pauseGeneration = pauseGeneration;
    }

    @Override
    public boolean fire() {
        return host.resume(process, pauseGeneration);
    }

    @Override
    public String toString() {
        return "resume process " + process;
    }
}
