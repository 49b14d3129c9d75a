package io.tumbler.scenario.coverage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A campaign's coverage: for each counted path, how many runs reached it and how many hits they made in all,
 * summed from the runs' {@code coverage} objects. A path that some run counted (even as zero) but no run
 * reached is {@linkplain #neverReached never reached}: that is what a person widening a campaign aims at.
 * Names are kept sorted, so the output does not depend on the order seeds finished in.
 */
public final class CoverageTotals {
  /** One path's sum: runs that reached it (a count above zero) and the total hits. */
  public record Total(int runsReached, long hits) {}

  private final SortedMap<String, long[]> byName = new TreeMap<>();
  private int runs;

  /** Adds one run's counters (name to count); a run without coverage (an older file) adds nothing. */
  public void add(Map<String, Long> coverage) {
    if (coverage.isEmpty()) {
      return;
    }
    runs++;
    for (Map.Entry<String, Long> e : coverage.entrySet()) {
      long[] sum = byName.computeIfAbsent(e.getKey(), k -> new long[2]);
      long count = e.getValue();
      if (count < 0) {
        throw new IllegalArgumentException("coverage counter " + e.getKey() + " is negative: " + count);
      }
      if (count > 0) {
        sum[0]++;
        sum[1] += count;
      }
    }
  }

  /** Runs that carried coverage counters. */
  public int runs() {
    return runs;
  }

  /** Every path any run counted, by name, with its sum. */
  public SortedMap<String, Total> totals() {
    SortedMap<String, Total> out = new TreeMap<>();
    byName.forEach((name, sum) -> out.put(name, new Total((int) sum[0], sum[1])));
    return Collections.unmodifiableSortedMap(out);
  }

  /** The counted paths that no run reached, sorted by name. */
  public List<String> neverReached() {
    List<String> out = new ArrayList<>();
    byName.forEach((name, sum) -> {
      if (sum[1] == 0) {
        out.add(name);
      }
    });
    return List.copyOf(out);
  }
}
