package io.tumbler.lin.search;

/**
 * Per-operation random 64-bit keys for incremental hashing of the linearized set (Zobrist hashing): the
 * hash of a set is the XOR of its members' keys, so linearizing or un-linearizing one operation updates
 * it in O(1) instead of rehashing the whole bitset as Porcupine does. Keys come from a fixed seed, so
 * hashes (and the search's exploration order) never depend on the run.
 */
final class ZobristKeys {
  private static final long SEED = 0x7475_6D62_6C65_7221L;

  private ZobristKeys() {}

  /** Keys for operations {@code 0..count-1}. */
  static long[] forOperations(int count) {
    long[] keys = new long[count];
    long state = SEED;
    for (int i = 0; i < count; i++) {
      state += 0x9E3779B97F4A7C15L;
      keys[i] = mix(state);
    }
    return keys;
  }

  /** SplitMix64's finalizer: a bijective scramble of all 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
