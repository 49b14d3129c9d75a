package io.tumbler.report.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency quantiles per time bin of one operation type: for each bin that holds at least one completion, the
 * p50, p95, p99 and maximum latency of the completions invoked in it (nearest-rank quantiles, so every value
 * drawn is a latency that happened).
 *
 * @param binMidSeconds the middle of each non-empty bin, ascending
 * @param quantiles {@code quantiles[q][i]}: quantile {@code LEVELS[q]} of bin {@code i}, in milliseconds
 */
record LatencyQuantiles(double[] binMidSeconds, double[][] quantiles) {
  static final double[] LEVELS = {0.50, 0.95, 0.99, 1.0};
  static final String[] NAMES = {"p50", "p95", "p99", "max"};

  /** The quantiles of {@code points} ({invoke seconds, latency ms}) in {@code bins} bins over {@code spanSeconds}. */
  static LatencyQuantiles of(List<double[]> points, double spanSeconds, int bins) {
    List<List<Double>> byBin = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      byBin.add(new ArrayList<>());
    }
    for (double[] p : points) {
      int bin = (int) Math.min(bins - 1, Math.max(0, p[0] / spanSeconds * bins));
      byBin.get(bin).add(p[1]);
    }
    List<Double> mids = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < bins; i++) {
      if (byBin.get(i).isEmpty()) {
        continue;
      }
      double[] sorted = byBin.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double[] row = new double[LEVELS.length];
      for (int q = 0; q < LEVELS.length; q++) {
        row[q] = sorted[Math.max(0, (int) Math.ceil(LEVELS[q] * sorted.length) - 1)];
      }
      mids.add((i + 0.5) * spanSeconds / bins);
      rows.add(row);
    }
    double[][] quantiles = new double[LEVELS.length][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int q = 0; q < LEVELS.length; q++) {
        quantiles[q][i] = rows.get(i)[q];
      }
    }
    return new LatencyQuantiles(mids.stream().mapToDouble(Double::doubleValue).toArray(), quantiles);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatencyQuantiles && Arrays.equals(binMidSeconds, ((LatencyQuantiles) o).binMidSeconds)
        && Arrays.deepEquals(quantiles, ((LatencyQuantiles) o).quantiles);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(binMidSeconds) + Arrays.deepHashCode(quantiles);
  }

  @Override
  public String toString() {
    return "LatencyQuantiles" + Arrays.toString(binMidSeconds) + Arrays.deepToString(quantiles);
  }
}
