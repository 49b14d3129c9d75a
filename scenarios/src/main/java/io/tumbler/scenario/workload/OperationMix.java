package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Swarm testing over a workload's kinds of operation: once per run, each kind gets a weight drawn from the
 * run's workload stream — some kinds are switched off, the others are weighted 1 to 10 — so one seed
 * hammers creates into full hosts while another mostly migrates and deletes. A fixed mix would spread every
 * run over the same average and rarely pile up on one edge.
 *
 * @param <K> the workload's enum of operation kinds; weights are kept in declaration order
 */
final class OperationMix<K extends Enum<K>> {
  private static final double OFF_CHANCE = 0.25;
  private static final int WEIGHT_MAX = 10;

  private final K[] kinds;
  private final int[] weights;
  private final int total;

  private OperationMix(K[] kinds, int[] weights) {
    this.kinds = kinds;
    this.weights = weights;
    this.total = Arrays.stream(weights).sum();
    if (total <= 0) {
      throw new IllegalStateException("an operation mix needs a positive weight: " + Arrays.toString(weights));
    }
  }

  /** Every kind weighted {@code weight}: the mix before a run draws its own. */
  static <K extends Enum<K>> OperationMix<K> uniform(Class<K> type) {
    K[] kinds = type.getEnumConstants();
    int[] weights = new int[kinds.length];
    Arrays.fill(weights, 1);
    return new OperationMix<>(kinds, weights);
  }

  /** A drawn mix; the kinds in {@code alwaysOn} never get weight 0 (without them a run does nothing useful). */
  static <K extends Enum<K>> OperationMix<K> drawn(Class<K> type, RandomStream random, Set<K> alwaysOn) {
    K[] kinds = type.getEnumConstants();
    EnumSet<K> on = alwaysOn.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(alwaysOn);
    int[] weights = new int[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      boolean off = random.chance(OFF_CHANCE) && !on.contains(kinds[i]);
      int weight = 1 + random.nextInt(WEIGHT_MAX);
      weights[i] = off ? 0 : weight;
    }
    return new OperationMix<>(kinds, weights);
  }

  /** This mix with {@code off} switched off (weight 0), the other weights as they are; draws nothing. */
  OperationMix<K> without(Set<K> off) {
    int[] kept = weights.clone();
    for (K kind : off) {
      kept[kind.ordinal()] = 0;
    }
    return new OperationMix<>(kinds, kept);
  }

  /** A kind, with probability proportional to its weight. */
  K pick(RandomStream random) {
    int roll = random.nextInt(total);
    for (int i = 0; i < kinds.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return kinds[i];
      }
    }
    throw new IllegalStateException("unreachable: roll beyond the total weight " + total);
  }

  /** The weight of {@code kind} (0: switched off this run). */
  int weight(K kind) {
    return weights[kind.ordinal()];
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < kinds.length; i++) {
      out.append(i == 0 ? "" : " ").append(kinds[i].name().toLowerCase(java.util.Locale.ROOT)).append('=')
          .append(weights[i]);
    }
    return out.toString();
  }
}
