package io.tumbler.lin;

import java.util.List;

/**
 * What a check explored.
 *
 * @param model          the model's name
 * @param invocations    client invocations in the history
 * @param partitions     sub-histories checked
 * @param configurations configurations cached, summed over sub-histories
 * @param elapsedNanos   wall time of the whole check
 * @param perPartition   one summary per sub-history, in sub-history order
 */
public record CheckStats(
    String model, int invocations, int partitions, long configurations, long elapsedNanos, List<PartitionSummary> perPartition) {
  public CheckStats {
    perPartition = List.copyOf(perPartition);
  }

  /** Wall time in milliseconds, fractional. */
  public double elapsedMillis() {
    return elapsedNanos / 1e6;
  }
}
