package io.tumbler.scenario.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Seeds written compactly, as a reader would type them: {@code 3, 7..12, 40}. */
final class SeedRanges {
  private SeedRanges() {}

  /** The seeds as sorted ranges of consecutive values ("7..12"), single seeds alone ("3"). */
  static List<String> of(List<Long> seeds) {
    List<String> out = new ArrayList<>();
    Long first = null;
    long last = 0;
    for (long seed : new TreeSet<>(seeds)) {
      if (first != null && seed == last + 1) {
        last = seed;
        continue;
      }
      if (first != null) {
        out.add(range(first, last));
      }
      first = seed;
      last = seed;
    }
    if (first != null) {
      out.add(range(first, last));
    }
    return out;
  }

  private static String range(long first, long last) {
    return first == last ? Long.toString(first) : first + ".." + last;
  }
}
