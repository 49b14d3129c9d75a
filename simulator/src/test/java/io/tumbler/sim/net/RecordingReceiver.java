package io.tumbler.sim.net;

import io.tumbler.sim.kernel.Admission;
import io.tumbler.sim.kernel.Event;
import io.tumbler.sim.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;

/** A real receiver for network-only tests: every node is up at incarnation 1; deliveries are recorded. */
final class RecordingReceiver<M> implements NetworkReceiver<M> {
    record Delivery<M>(long timeNanos, int from, int to, M message) {
    }

    private final Simulation sim;
    final List<Delivery<M>> deliveries = new ArrayList<>();

    RecordingReceiver(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public int incarnation(int process) {
        return 1;
    }

    @Override
    public Admission admit(int process, int incarnation, Event event) {
        return Admission.RUN;
    }

    @Override
    public void receive(int to, int from, M message) {
        deliveries.add(new Delivery<>(sim.nowNanos(), from, to, message));
    }

    List<M> messagesTo(int node) {
        List<M> out = new ArrayList<>();
        for (Delivery<M> d : deliveries) {
            if (d.to() == node) {
                out.add(d.message());
            }
        }
        return out;
    }
}
