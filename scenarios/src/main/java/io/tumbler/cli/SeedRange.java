package io.tumbler.cli;

/**
 * A range of seeds {@code A..B} (inclusive), or a single seed {@code A}. A {@link #shard(int, int)} of it
 * is the deterministic slice of seeds {@code s} with {@code (s - A) % n == i}, so n shards cover the range
 * exactly once.
 */
record SeedRange(long first, long last) {
  SeedRange {
    if (last < first) {
      throw new BadInputException("seed range " + first + ".." + last + " is empty (the end is before the start)");
    }
  }

  static SeedRange parse(String text) {
    String[] parts = text.split("\\.\\.", -1);
    try {
      if (parts.length == 1) {
        long seed = Long.parseLong(parts[0].trim());
        return new SeedRange(seed, seed);
      }
      if (parts.length == 2) {
        return new SeedRange(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new BadInputException("--seeds expects A..B or a single seed, e.g. 0..99; got '" + text + "'");
  }

  long count() {
    return last - first + 1;
  }
}
