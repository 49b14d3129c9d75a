package io.tumbler.scenario.cluster;

import io.tumbler.raft.node.Ticker;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.process.ProcessContext;

/**
 * The Raft ticker on a simulated process clock: a tick every {@code tickNanos} of the node's LOCAL time,
 * so a skewed or drifting clock makes its elections and leases run fast or slow, as a real one would.
 */
final class SimTicker implements Ticker {
  private final ProcessContext<Wire> context;
  private final long tickNanos;
  private Timer timer;
  private Runnable onTick;

  SimTicker(ProcessContext<Wire> context, long tickNanos) {
    this.context = context;
    this.tickNanos = tickNanos;
  }

  @Override
  public void start(Runnable tick) {
    this.onTick = tick;
    arm();
  }

  private void arm() {
    timer = context.setTimer(tickNanos, () -> {
      arm();
      onTick.run();
    });
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.cancel();
    }
  }
}
