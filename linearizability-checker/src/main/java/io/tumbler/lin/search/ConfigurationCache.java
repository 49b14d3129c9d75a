package io.tumbler.lin.search;

import java.util.Arrays;

/**
 * Lowe's cache of visited configurations: (set of linearized operations, model state). A configuration
 * already explored cannot lead anywhere new, so the search skips it.
 *
 * <p>The set arrives as a key: a variable-length word array that is a one-to-one encoding of the set
 * ({@link LinearizedKey}), so that a configuration costs memory for the part of the history that is still
 * open, not for the whole history. Open addressing over parallel arrays (the set's Zobrist hash, the
 * interned state, the key's offset in one shared word arena), keys compared in full on a hash match, so
 * the cache is exact (a 64-bit collision can cost a probe, never a wrong verdict). Growth of the table or
 * the arena reserves heap from the shared {@link SearchLimits} first, and configurations are admitted
 * against the bound in batches; either refusal ends the search as UNKNOWN. Not thread-safe (one per
 * search).
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
  /** Bytes per table slot: hash, state, key offset. */
  private static final long SLOT_BYTES = 16;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final SearchLimits limits;
  private long[] hashes;
  private int[] states;
  private int[] offsets;
  /** The keys, back to back; each key's first word holds its length in its low 32 bits. */
  private long[] arena = new long[0];
  private int arenaUsed;
  private int mask;
  private int size;
  private int admitted;
  private long tableBytes;
  private long arenaBytes;

  ConfigurationCache(SearchLimits limits) {
    this.limits = limits;
  }

  /**
   * Adds the configuration (a set with Zobrist hash {@code hash} and key {@code key[0..length)}, in state
   * {@code state}) unless present. The key's first word must hold {@code length} in its low 32 bits.
   *
   * @return {@link #ADDED}, {@link #PRESENT}, {@link #CONFIGURATION_LIMIT} or {@link #MEMORY_LIMIT}
   */
  int add(long hash, int state, long[] key, int length) {
    if (hashes == null || (size + 1) * 2L > hashes.length) {
      int grown = growTable();
      if (grown != ADDED) {
        return grown;
      }
    }
    int slot = (int) ZobristKeys.mix(hash ^ (state * 0x9E3779B97F4A7C15L)) & mask;
    while (states[slot] >= 0) {
      if (hashes[slot] == hash && states[slot] == state && sameKey(offsets[slot], key, length)) {
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
    if ((long) arenaUsed + length > arena.length && growArena(length) != ADDED) {
      return MEMORY_LIMIT;
    }
    hashes[slot] = hash;
    states[slot] = state;
    offsets[slot] = arenaUsed;
    System.arraycopy(key, 0, arena, arenaUsed, length);
    arenaUsed += length;
    size++;
    return ADDED;
  }

  private boolean sameKey(int offset, long[] key, int length) {
    if (arena[offset] != key[0]) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (arena[offset + i] != key[i]) {
        return false;
      }
    }
    return true;
  }

  private int growTable() {
    int capacity = hashes == null ? 1024 : hashes.length * 2;
    long bytes = capacity * SLOT_BYTES;
    if (capacity > MAX_ARRAY || !limits.reserve(bytes)) {
      return MEMORY_LIMIT;
    }
    long[] oldHashes = hashes;
    int[] oldStates = states;
    int[] oldOffsets = offsets;
    try {
      hashes = new long[capacity];
      states = new int[capacity];
      offsets = new int[capacity];
    } catch (OutOfMemoryError e) {
      hashes = oldHashes;
      states = oldStates;
      offsets = oldOffsets;
      limits.release(bytes);
      return MEMORY_LIMIT;
    }
    Arrays.fill(states, -1);
    mask = capacity - 1;
    if (oldHashes != null) {
      rehash(oldHashes, oldStates, oldOffsets);
    }
    limits.release(tableBytes);
    tableBytes = bytes;
    return ADDED;
  }

  private void rehash(long[] oldHashes, int[] oldStates, int[] oldOffsets) {
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
      offsets[slot] = oldOffsets[old];
    }
  }

  /** Grows the arena to hold {@code length} more words: ADDED, or MEMORY_LIMIT (nothing changed). */
  private int growArena(int length) {
    long needed = (long) arenaUsed + length;
    long capacity = Math.max(needed, Math.min((long) MAX_ARRAY, Math.max(4096L, arena.length * 2L)));
    long bytes = capacity * 8;
    if (needed > MAX_ARRAY || !limits.reserve(bytes)) {
      return MEMORY_LIMIT;
    }
    try {
      arena = Arrays.copyOf(arena, (int) capacity);
    } catch (OutOfMemoryError e) {
      limits.release(bytes);
      return MEMORY_LIMIT;
    }
    limits.release(arenaBytes);
    arenaBytes = bytes;
    return ADDED;
  }

  /** Configurations cached. */
  int size() {
    return size;
  }

  /** Words the cached keys take, headers included (for measurements). */
  long keyWords() {
    return arenaUsed;
  }

  /** Returns the cache's heap reservation; the cache must not be used afterwards. */
  void close() {
    limits.release(tableBytes + arenaBytes);
    tableBytes = 0;
    arenaBytes = 0;
    hashes = null;
    states = null;
    offsets = null;
    arena = null;
  }
}
