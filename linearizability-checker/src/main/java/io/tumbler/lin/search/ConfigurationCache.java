package io.tumbler.lin.search;

import java.util.Arrays;

/**
 * Lowe's cache of visited configurations: (set of linearized operations, model state). A configuration
 * already explored cannot lead anywhere new, so the search skips it; nor can one it <em>subsumes</em>.
 *
 * <p><b>Subsumption.</b> A cached configuration (L', s) subsumes a new one (L, s) when both have linearized
 * the same required operations and L' has linearized a subset of L's indeterminate ones. Every completion
 * from (L, s) is one from (L', s) too: it linearizes operations outside L (so outside L'), the candidates
 * at each step depend only on the required operations linearized (indeterminate calls have no return to
 * wait for), and the indeterminate calls in L but not in L' simply never take effect, which they may. So
 * (L, s) can succeed only if (L', s) can, and reach no return (L', s) cannot; skipping it keeps the verdict
 * and the failing call, by the argument that makes Lowe's cache exact (induction on the length of a
 * shortest completion: a configuration that can complete is either explored, or skipped for a cached one
 * that can complete in as few steps, which was explored). On a long register history with 1% {@code info}
 * calls this skips two thirds of the configurations a plain cache holds: those that differ only by an
 * {@code info} write the search tried, whose value was overwritten before anything read it.
 *
 * <p>The set arrives as a key ({@link LinearizedKey}: a required part and an indeterminate part), with a
 * Zobrist hash of its required operations only, so that configurations one may subsume meet in the same
 * probe run. Open addressing over parallel arrays (that hash, the interned state, the key's offset in one
 * shared word arena); a lookup compares every entry of the run with an equal hash in full, so the cache is
 * exact (a 64-bit collision can cost a probe, never a wrong verdict). Growth of the table or the arena
 * reserves heap from the shared {@link SearchLimits} first, and configurations are admitted against the
 * bound in batches; either refusal ends the search as UNKNOWN. Not thread-safe (one per search).
 */
final class ConfigurationCache {
  /** {@link #add} result: the configuration was new and is now cached. */
  static final int ADDED = 1;
  /** {@link #add} result: the configuration, or one that subsumes it, was cached already. */
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
   * Adds the configuration (a set whose required operations have Zobrist hash {@code hash}, with key {@code
   * key[0..length)} laid out as {@link LinearizedKey}'s, in state {@code state}) unless it or one that
   * subsumes it is cached.
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
      if (hashes[slot] == hash && states[slot] == state && subsumes(offsets[slot], key, length)) {
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

  /**
   * Whether the cached key at {@code offset} has the same required part as {@code key} and an indeterminate
   * part that is a subset of {@code key}'s (either may end in zero words the other lacks).
   */
  private boolean subsumes(int offset, long[] key, int length) {
    int required = (int) key[1];
    if (arena[offset] >>> 32 != key[0] >>> 32 || arena[offset + 1] != required) {
      return false;
    }
    int from = LinearizedKey.HEADER_WORDS;
    for (int i = from; i < from + required; i++) {
      if (arena[offset + i] != key[i]) {
        return false;
      }
    }
    int cachedLength = (int) arena[offset];
    for (int i = from + required; i < cachedLength; i++) {
      long mine = i < length ? key[i] : 0;
      if ((arena[offset + i] & ~mine) != 0) {
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
