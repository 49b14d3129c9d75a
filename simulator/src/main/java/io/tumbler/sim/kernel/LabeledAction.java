package io.tumbler.sim.kernel;

import io.tumbler.sim.random.NameHash;
import io.tumbler.sim.trace.TraceType;

/** A harness action with a label, traced as {@link TraceType#ACTION} (the label's hash is fingerprinted). */
final class LabeledAction implements Event {
    private final Simulation simulation;
    private final String label;
    private final long labelHash;
    private final Runnable action;

    LabeledAction(Simulation simulation, String label, Runnable action) {
        this.simulation = simulation;
        this.label = label;
        this.labelHash = NameHash.of(label);
        this.action = action;
    }

    @Override
    public boolean fire() {
        simulation.journal().record(TraceType.ACTION, simulation.nowNanos(), -1, labelHash, 0, label);
        action.run();
        return true;
    }

    @Override
    public String toString() {
        return "action '" + label + "'";
    }
}
