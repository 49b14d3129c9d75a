package io.tumbler.sim.kernel;

/**
 * The port through which the network, clocks and disks ask the process layer whether an event addressed to a
 * process may happen now. Implemented by {@code io.tumbler.sim.process.ProcessHost}; lives in the kernel so
 * those components do not depend on the process layer.
 */
public interface ProcessGate {
    /** The process's current incarnation (1 after the first start, +1 per restart; 0 if never started). */
    int incarnation(int process);

    /**
     * Decides the fate of {@code event}, addressed to {@code incarnation} of {@code process}. On
     * {@link Admission#DEFER} the gate takes ownership of the event and schedules it again when the process
     * resumes (its {@link Event#fire()} then asks again).
     */
    Admission admit(int process, int incarnation, Event event);

    /** A gate for components used on their own (tests): every process is at incarnation 1 and always runs. */
    static ProcessGate alwaysOpen() {
        return new ProcessGate() {
            @Override
            public int incarnation(int process) {
                return 1;
            }

            @Override
            public Admission admit(int process, int incarnation, Event event) {
                return Admission.RUN;
            }
        };
    }
}
