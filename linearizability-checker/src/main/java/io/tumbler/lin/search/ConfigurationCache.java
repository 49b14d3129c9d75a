package io.tumbler.lin.search;

import java.util.Arrays;

/**
 * Lowe's cache of visited configurations: (set of linearized operations, model state). A configuration
 * already explored cannot lead anywhere new, so the search skips it.
 *
 * <p>Open addressing over parallel arrays: the set's Zobrist hash, the interned state, and the set's
 * bitset words, compared in full on a hash match, so the cache is exact (a 64-bit collision can cost a
 * probe, never a wrong verdict). Growth reserves heap from the shared {@link SearchLimits} first, and
 * configurations are admitted against the bound in batches; either refusal ends the search as UNKNOWN.
 * Not thread-safe (one per search).
 */
final class ConfigurationCache {
  /** {@link #add} result: the configuration was new and is now cached. */
  static final int ADDED = 1;
  /** {@link #add} result: the configuration was cached already. */
  static final int PRESENT = 0;
  /** {@link #add} result: the configuration bound is reached. */
  static final int CONFIGURATION_LIMIT = -1;
  /** {@link #add} result: growing the cache would exceed the memory budget. */
  static final int MEMORY_LIMIT = -2;

  private static final int ADMIT_BATCH = 1024;

  private final int words;
  private final SearchLimits limits;
  private long[] hashes;
  private int[] states;
  private long[] bits;
  private int mask;
  private int size;
  private int admitted;
  private long reservedBytes;

  ConfigurationCache(int words, SearchLimits limits) {
    this.words = words;
    this.limits = limits;
  }

  /**
   * Adds the configuration (a set with Zobrist hash {@code hash} and bitset {@code set}, in state
   * {@code state}) unless present.
   *
   * @return {@link #ADDED}, {@link #PRESENT}, {@link #CONFIGURATION_LIMIT} or {@link #MEMORY_LIMIT}
   */
  int add(long hash, int state, long[] set) {
    if (hashes == null || (size + 1) * 2L > hashes.length) {
      int grown = grow();
      if (grown != ADDED) {
        return grown;
      }
    }
    int slot = (int) ZobristKeys.mix(hash ^ (state * 0x9E3779B97F4A7C15L)) & mask;
    while (states[slot] >= 0) {
      if (hashes[slot] == hash && states[slot] == state && sameSet(slot, set)) {
        return PRESENT;
      }
      slot = (slot + 1) & mask;
    }
    if (size >= admitted) {
      if (!limits.admitConfigurations(ADMIT_BATCH)) {
        return CONFIGURATION_LIMIT;
      }
      admitted += ADMIT_BATCH;
    }
    hashes[slot] = hash;
    states[slot] = state;
    System.arraycopy(set, 0, bits, slot * words, words);
    size++;
    return ADDED;
  }

  private boolean sameSet(int slot, long[] set) {
    int base = slot * words;
    for (int i = 0; i < words; i++) {
      if (bits[base + i] != set[i]) {
        return false;
      }
    }
    return true;
  }

  private int grow() {
    int capacity = hashes == null ? 1024 : hashes.length * 2;
    long bytes = (long) capacity * (12L + 8L * words);
    if ((long) capacity * words > Integer.MAX_VALUE - 8 || !limits.reserve(bytes)) {
      return MEMORY_LIMIT;
    }
    long[] oldHashes = hashes;
    int[] oldStates = states;
    long[] oldBits = bits;
    try {
      hashes = new long[capacity];
      states = new int[capacity];
      bits = new long[capacity * words];
    } catch (OutOfMemoryError e) {
      hashes = oldHashes;
      states = oldStates;
      bits = oldBits;
      limits.release(bytes);
      return MEMORY_LIMIT;
    }
    Arrays.fill(states, -1);
    mask = capacity - 1;
    if (oldHashes != null) {
      rehash(oldHashes, oldStates, oldBits);
    }
    limits.release(reservedBytes);
    reservedBytes = bytes;
    return ADDED;
  }

  private void rehash(long[] oldHashes, int[] oldStates, long[] oldBits) {
    for (int old = 0; old < oldStates.length; old++) {
      if (oldStates[old] < 0) {
        continue;
      }
      int slot = (int) ZobristKeys.mix(oldHashes[old] ^ (oldStates[old] * 0x9E3779B97F4A7C15L)) & mask;
      while (states[slot] >= 0) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = oldHashes[old];
      states[slot] = oldStates[old];
      System.arraycopy(oldBits, old * words, bits, slot * words, words);
    }
  }

  /** Configurations cached. */
  int size() {
    return size;
  }

  /** Returns the cache's heap reservation; the cache must not be used afterwards. */
  void close() {
    limits.release(reservedBytes);
    reservedBytes = 0;
    hashes = null;
    states = null;
    bits = null;
  }
}
