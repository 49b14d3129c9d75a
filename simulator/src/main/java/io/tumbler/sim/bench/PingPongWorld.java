package io.tumbler.sim.bench;

import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.process.ProcessHost;

/**
 * A built, not yet run, ping-pong world.
 *
 * @param simulation the kernel
 * @param network    the network the peers talk over
 * @param host       the peers
 */
public record PingPongWorld(Simulation simulation, SimNetwork<PingPongMessage> network,
                            ProcessHost<PingPongMessage> host) {
}
