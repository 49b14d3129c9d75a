package io.tumbler.lin;

import java.util.List;

/**
 * How one sub-history fared.
 *
 * @param label          the sub-history's label ({@code "key 3"}, or {@code ""} when unpartitioned)
 * @param keys           its partition keys
 * @param calls          calls checked in it
 * @param verdict        its verdict
 * @param configurations configurations its search cached
 * @param elapsedNanos   wall time of its search
 */
public record PartitionSummary(String label, List<Object> keys, int calls, Verdict verdict, long configurations, long elapsedNanos) {
  public PartitionSummary {
    keys = List.copyOf(keys);
  }
}
