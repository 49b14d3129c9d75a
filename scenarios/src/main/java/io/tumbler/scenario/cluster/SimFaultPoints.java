package io.tumbler.scenario.cluster;

import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.FaultPoints;
import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * BUGGIFY for one simulated run: which {@link FaultPoint}s the run enables, and a seeded {@link FaultPoints}
 * per node that fires enabled points. Swarm style, as in FoundationDB: each run enables its own subset, so
 * different runs stress different rare paths and a point is not drowned out by the others.
 *
 * <p>Everything is drawn from the run's random streams: enablement from {@code buggify}, each node's fires from
 * {@code buggify/n<id>} (kept across restarts), so a seed replays exactly. Counts hits and fires per point so a
 * run can tell a reader what actually happened.
 */
public final class SimFaultPoints {
  /** Each point is enabled in a run with probability 1/4 (FoundationDB's rate): about two of seven per run. */
  static final int ENABLE_ONE_IN = 4;
  /** An enabled point fires at one hit in four: often enough to matter, while the usual path still runs too. */
  static final int FIRE_ONE_IN = 4;

  private final EnumSet<FaultPoint> enabled;
  private final RandomStream stream;
  private final long[] hits = new long[FaultPoint.values().length];
  private final long[] fired = new long[FaultPoint.values().length];

  private SimFaultPoints(EnumSet<FaultPoint> enabled, RandomStream stream) {
    this.enabled = enabled;
    this.stream = stream;
  }

  /** Draws this run's enabled points from {@code stream} (one draw per point, in declaration order). */
  public static SimFaultPoints drawn(RandomStream stream) {
    EnumSet<FaultPoint> enabled = EnumSet.noneOf(FaultPoint.class);
    for (FaultPoint point : FaultPoint.values()) {
      if (stream.nextInt(ENABLE_ONE_IN) == 0) {
        enabled.add(point);
      }
    }
    return new SimFaultPoints(enabled, stream);
  }

  /** Buggify off: no point enabled, every node gets {@link FaultPoints#NONE}, no draw is made. */
  public static SimFaultPoints off() {
    return new SimFaultPoints(EnumSet.noneOf(FaultPoint.class), null);
  }

  /** The fault points node {@code nodeId} consults; {@link FaultPoints#NONE} when nothing is enabled. */
  public FaultPoints forNode(int nodeId) {
    if (enabled.isEmpty()) {
      return FaultPoints.NONE;
    }
    RandomStream coin = stream.stream("n" + nodeId);
    return point -> {
      if (!enabled.contains(point)) {
        return false;
      }
      hits[point.ordinal()]++;
      boolean fires = coin.nextInt(FIRE_ONE_IN) == 0;
      if (fires) {
        fired[point.ordinal()]++;
      }
      return fires;
    };
  }

  public boolean isEnabled(FaultPoint point) {
    return enabled.contains(point);
  }

  public boolean anyEnabled() {
    return !enabled.isEmpty();
  }

  /** Hits of {@code point} on every node so far (counted only while it is enabled). */
  public long hits(FaultPoint point) {
    return hits[point.ordinal()];
  }

  /** Fires of {@code point} on every node so far. */
  public long fired(FaultPoint point) {
    return fired[point.ordinal()];
  }

  /** The enabled points' names, in declaration order. */
  public List<String> enabledNames() {
    List<String> names = new ArrayList<>();
    for (FaultPoint point : enabled) {
      names.add(point.pointName());
    }
    return names;
  }

  /** One line for a person reading the run: what was enabled and how often each fired. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (FaultPoint point : enabled) {
      parts.add(point.pointName() + " fired " + fired(point) + "/" + hits(point));
    }
    return "buggify: " + String.join(", ", parts);
  }
}
