package io.tumbler.sim.net;

import io.tumbler.sim.kernel.Event;

/**
 * One message copy travelling from {@code from} to {@code to}, addressed to the receiver's incarnation at send
 * time. On arrival it is dropped if the link is blocked, held if clogged; once arrived it is handed to the
 * process gate (and, if deferred by a pause, re-fired at resume without re-checking the link).
 */
final class InFlight<M> implements Event {
    final SimNetwork<M> network;
    final int from;
    final int to;
    final int incarnation;
    final M message;
    final long digest;
    boolean arrived;

    InFlight(SimNetwork<M> network, int from, int to, int incarnation, M message, long digest) {
        this.network = network;
        this.from = from;
        this.to = to;
        this.incarnation = incarnation;
        this.message = message;
        this.digest = digest;
    }

    @Override
    public boolean fire() {
        network.arrive(this);
        return true;
    }

    @Override
    public String toString() {
        return "deliver " + from + "->" + to + " (incarnation " + incarnation + "): " + message;
    }
}
