package io.tumbler.sim.clock;

/** What a timer does when it fires; runs on the simulation thread inside the owning process. */
@FunctionalInterface
public interface TimerAction {
    /** Called once, when the timer's local deadline is reached and the process is running. */
    void onTimer();
}
