package io.tumbler.fault;

import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Swarm testing (Groce et al.): a plan of which fault kinds are on in a run and how often faults come,
 * itself drawn from the seed, so that across a campaign some runs hammer one kind hard and others mix a
 * few — a schedule drawn with every kind always on is far worse at finding bugs that one kind masks.
 *
 * <p>{@link #expand} turns a plan into a concrete {@link Schedule}: faults at exponential intervals over
 * the safety phase, each followed by its heal after a random duration. Both steps draw only from the
 * stream they are given (the run's {@code nemesis} stream), so a plan and its schedule are pure functions
 * of the seed; the schedule is saved with the run and replays without the plan.
 *
 * @param kinds            the fault kinds on in this run (never empty)
 * @param meanGapMillis    mean time between the start of one fault and the next
 * @param meanDurationMillis mean time a fault lasts before its heal
 */
public record FaultPlan(List<FaultKind> kinds, long meanGapMillis, long meanDurationMillis) {
  public FaultPlan {
    kinds = List.copyOf(kinds);
    if (kinds.isEmpty() || meanGapMillis < 1 || meanDurationMillis < 1) {
      throw new IllegalArgumentException("a fault plan needs at least one kind and positive rates");
    }
  }

  /** Draws a plan: each kind on with probability one half (at least one on), and random rates. */
  public static FaultPlan draw(RandomStream random, List<FaultKind> candidates) {
    EnumSet<FaultKind> on = EnumSet.noneOf(FaultKind.class);
    for (FaultKind kind : candidates) {
      if (random.chance(0.5)) {
        on.add(kind);
      }
    }
    if (on.isEmpty()) {
      on.add(random.pick(candidates));
    }
    long gap = 200 + random.nextLong(1_300);
    long duration = 100 + random.nextLong(1_400);
    return new FaultPlan(new ArrayList<>(on), gap, duration);
  }

  /** Every kind a swarm may use (see {@link FaultKind} for the two left out and why). */
  public static List<FaultKind> allKinds() {
    return List.of(FaultKind.values());
  }

  /**
   * The kinds that mean something on a cluster of {@code nodes}: no partition or one-way block on one node,
   * no bridge below three nodes, no ring below four. With {@code leaseReads}, no clock jump or strobe: a lease
   * is only as safe as the clocks' rates, and a jump is outside what any lease can allow for (drift is drawn
   * within the bound instead, see {@link #expand(RandomStream, int, long, long)}). Never the membership kinds
   * ({@link #membershipKinds()}).
   */
  public static List<FaultKind> kindsFor(int nodes, boolean leaseReads) {
    List<FaultKind> out = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      if (fits(kind, nodes, leaseReads)) {
        out.add(kind);
      }
    }
    return out;
  }

  /** The membership kinds, for plans that change who is in the cluster (the {@code membership} scenario). */
  public static List<FaultKind> membershipKinds() {
    return List.of(FaultKind.ADD_NODE, FaultKind.REMOVE_NODE, FaultKind.REPLACE_NODE);
  }

  private static boolean fits(FaultKind kind, int nodes, boolean leaseReads) {
    return switch (kind) {
      case ADD_NODE, REMOVE_NODE, REPLACE_NODE -> false; // only where asked for: see membershipKinds()
      case PARTITION_HALVES, PARTITION_ISOLATE_ONE, ONE_WAY, LEADER_PARTITION, LEADER_MUTE, LEADER_CLOG,
          LEADER_CASCADE, STALE_ACKS, MINORITY_CASCADE, TRANSFER_LEADER -> nodes >= 2;
      case PARTITION_BRIDGE -> nodes >= 3;
      case PARTITION_MAJORITY_RING -> nodes >= 4;
      case CLOCK_JUMP, CLOCK_STROBE -> !leaseReads;
      default -> true;
    };
  }

  /** The concrete schedule for a safety phase of {@code safetyMillis} on nodes {@code 1..nodes}. */
  public Schedule expand(RandomStream random, int nodes, long safetyMillis) {
    return expand(random, nodes, safetyMillis, FaultDraws.DEFAULT_MAX_DRIFT_PPM);
  }

  /**
   * The concrete schedule, with every drawn clock drift within {@code maxDriftPpm} of true time (so two
   * clocks' rates differ by at most twice that).
   */
  public Schedule expand(RandomStream random, int nodes, long safetyMillis, long maxDriftPpm) {
    List<TimedFault> faults = new ArrayList<>();
    FaultDraws draws = new FaultDraws(random, nodes, maxDriftPpm);
    long t = 100 + (long) random.exponential(meanGapMillis);
    while (t < safetyMillis - 100) {
      FaultKind kind = random.pick(kinds);
      long healAt = Math.min(safetyMillis - 1, t + 50 + (long) random.exponential(meanDurationMillis));
      for (TimedFault f : draws.draw(kind, t, healAt)) {
        faults.add(f);
      }
      t += 20 + (long) random.exponential(meanGapMillis);
    }
    return Schedule.of(faults);
  }
}
