package io.tumbler.lin.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact key is one-to-one: on random linearized sets shaped like the search's (every required
 * operation before a point is in, a window of mixed ones after it, indeterminate ones anywhere), a set and
 * the same set with any one operation flipped never share a key, and the same set always gets the same
 * key however it was built. The differential test shows the search is unchanged; this one reaches the
 * corners it rarely visits (an indeterminate operation far below the window changing alone).
 */
class LinearizedKeyTest {
  private static final int TRIALS = 3000;

  @Test
  void flippingAnyOneOperationChangesTheKey() {
    SplittableRandom random = new SplittableRandom(13);
    int flippedBelowWindow = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      RandomSet set = RandomSet.draw(random, 10);
      int n = set.required().length;
      int cut = set.cut();
      boolean[] required = set.required();
      boolean[] in = set.in();
      long[] reference = keyOf(required, in);
      assertArrayEquals(reference, keyOf(required, in.clone()), "same set, same key");
      int flip = random.nextInt(n);
      in[flip] = !in[flip];
      long[] flipped = keyOf(required, in);
      assertFalse(Arrays.equals(reference, flipped), () -> "n " + n + " cut " + cut + " flip " + flip + ": two sets, one key");
      flippedBelowWindow += !required[flip] && flip < 64 * (int) (reference[0] >>> 32) ? 1 : 0;
    }
    assertTrue(flippedBelowWindow > 50, "indeterminate operations below the window should be flipped often, were " + flippedBelowWindow);
  }

  /**
   * The cache's subsumption: a configuration is skipped when a cached one has the same state, the same
   * required operations and a subset of its indeterminate ones, and only then: adding indeterminate
   * operations (the window growing with them or not) is skipped; dropping one, flipping a required one or
   * changing the state is not.
   */
  @Test
  void theCacheSkipsExactlyTheConfigurationsACachedOneSubsumes() {
    SplittableRandom random = new SplittableRandom(29);
    int[] outcomes = new int[4];
    for (int trial = 0; trial < TRIALS; trial++) {
      RandomSet set = RandomSet.draw(random, 5);
      int n = set.required().length;
      boolean[] required = set.required();
      boolean[] in = set.in();
      ConfigurationCache cache = new ConfigurationCache(new SearchLimits(Long.MAX_VALUE, Long.MAX_VALUE, 1L << 30));
      assertTrue(add(cache, required, in, 0) == ConfigurationCache.ADDED);
      boolean[] more = in.clone();
      int extra = random.nextInt(n);
      more[extra] |= !required[extra];
      assertTrue(add(cache, required, more, 0) == ConfigurationCache.PRESENT, "a superset of info calls is subsumed");
      outcomes[0]++;
      int flip = random.nextInt(n);
      boolean[] other = in.clone();
      other[flip] = !other[flip];
      boolean subsumed = !required[flip] && !in[flip];
      assertTrue(add(cache, required, other, 0) == (subsumed ? ConfigurationCache.PRESENT : ConfigurationCache.ADDED),
          () -> "n " + n + " flip " + flip + (required[flip] ? " (required)" : " (info)"));
      outcomes[subsumed ? 1 : required[flip] ? 2 : 3]++;
      assertTrue(add(cache, required, more, 1) == ConfigurationCache.ADDED, "another state is another configuration");
    }
    assertTrue(outcomes[2] > 100 && outcomes[3] > 100, "flips of both kinds should be tried often: " + Arrays.toString(outcomes));
  }

  private static int add(ConfigurationCache cache, boolean[] required, boolean[] in, int state) {
    long[] zobrist = ZobristKeys.forOperations(required.length);
    long hash = 0;
    for (int op = 0; op < required.length; op++) {
      hash ^= in[op] && required[op] ? zobrist[op] : 0;
    }
    long[] key = keyOf(required, in);
    return cache.add(hash, state, key, key.length);
  }

  /** The compact key of the set {@code in}, built by adding its members in a random order. */
  private static long[] keyOf(boolean[] required, boolean[] in) {
    long[] bits = new long[Math.max(1, (required.length + 63) >>> 6)];
    LinearizedKey key = LinearizedKey.compact(bits, required);
    int low = required.length;
    int highest = -1;
    for (int op = required.length - 1; op >= 0; op--) {
      if (in[op]) {
        bits[op >>> 6] |= 1L << op;
        key.added(op);
        highest = Math.max(highest, op);
      } else if (required[op]) {
        low = op;
      }
    }
    return Arrays.copyOf(key.words(), key.encode(low, highest));
  }

  /**
   * A random set of linearized operations over a history of 1 to 400: every operation below {@code cut} that is
   * required is in, and about half the indeterminate ones; above it a sparse window of 90.
   */
  private record RandomSet(boolean[] required, boolean[] in, int cut) {
    static RandomSet draw(SplittableRandom random, int indeterminateOneIn) {
      int n = 1 + random.nextInt(400);
      boolean[] required = new boolean[n];
      boolean[] in = new boolean[n];
      int cut = random.nextInt(n + 1);
      for (int op = 0; op < n; op++) {
        required[op] = random.nextInt(indeterminateOneIn) != 0;
        in[op] = op < cut ? (required[op] || random.nextBoolean()) : op < cut + 90 && random.nextInt(3) == 0;
      }
      return new RandomSet(required, in, cut);
    }
  }
}
