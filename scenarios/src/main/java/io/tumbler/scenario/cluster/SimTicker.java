package io.tumbler.scenario.cluster;

import io.tumbler.raft.node.Ticker;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sut.NodeEnvironment;

/**
 * The Raft ticker on a simulated process clock: a tick every {@code tickNanos} of the node's MONOTONIC time,
 * so a drifting clock makes its elections and leases run fast or slow, as a real one would, while a jump of
 * the wall clock (an operator or NTP stepping it) moves no tick, as the production ticker's monotonic clock
 * ignores it too. (A ticker on the wall clock stalled after every backward jump, as long as the jump, which
 * no production node does.)
 *
 * <p>Fixed rate, as the production {@code ScheduledTicker}: ticks are due at {@code start + k * tickNanos},
 * and a tick that fires late (the process was paused: its timer was deferred to the resume, ahead of the
 * messages that arrived meanwhile) first makes up every tick missed since, in one burst. Otherwise a leader
 * resuming from a long pause would count one tick for the whole pause, believe in a lease that expired
 * while it was stopped and serve stale lease reads — a fault of the simulation, not of the Raft, since the
 * real ticker catches up before it runs a request that arrived after the stall. {@link #catchUp} does the same
 * for a request the pause deferred before the next tick was due. Like the production ticker, a burst makes up
 * at most {@code maxBurstTicks} ticks (one less than the election timeout: enough to expire any lease, at most
 * one election) and drops the older ones.
 */
final class SimTicker implements Ticker {
  private final NodeEnvironment env;
  private final long tickNanos;
  private final long maxBurstTicks;
  private Timer timer;
  private Runnable onTick;
  private long nextDueNanos;
  private boolean stopped;

  SimTicker(NodeEnvironment env, long tickNanos, long maxBurstTicks) {
    this.env = env;
    this.tickNanos = tickNanos;
    this.maxBurstTicks = maxBurstTicks;
  }

  @Override
  public void start(Runnable tick) {
    this.onTick = tick;
    this.nextDueNanos = env.monotonicNanos() + tickNanos;
    arm();
  }

  private void arm() {
    timer = env.setTimer(Math.max(0, nextDueNanos - env.monotonicNanos()), this::fire);
  }

  private void fire() {
    deliverDue();
    if (!stopped) {
      arm();
    }
  }

  private void deliverDue() {
    long now = env.monotonicNanos();
    nextDueNanos = Math.max(nextDueNanos, now - (maxBurstTicks - 1) * tickNanos);
    while (!stopped && nextDueNanos <= now) {
      nextDueNanos += tickNanos;
      onTick.run();
    }
  }

  /**
   * Delivers the ticks due by now before the node serves a lease read. At the resume of a pause the simulator
   * delivers what the process missed in arrival order, so a request that arrived before the next tick was
   * due would otherwise be judged on the tick count of the moment the pause began.
   */
  @Override
  public void catchUp() {
    if (stopped || onTick == null || nextDueNanos > env.monotonicNanos()) {
      return;
    }
    timer.cancel();
    deliverDue();
    if (!stopped) {
      arm();
    }
  }

  @Override
  public void stop() {
    stopped = true;
    if (timer != null) {
      timer.cancel();
    }
  }
}
