package io.tumbler.sim.net;

import io.tumbler.sim.kernel.ProcessGate;

/**
 * The network's port to the process layer: the gate decides whether a message may be handled now (dropped for
 * a dead incarnation, deferred while paused), and {@link #receive} hands it to the process.
 *
 * @param <M> the message type
 */
public interface NetworkReceiver<M> extends ProcessGate {
    /** Delivers {@code message} from {@code from} to the running process {@code to}; called after admission. */
    void receive(int to, int from, M message);
}
