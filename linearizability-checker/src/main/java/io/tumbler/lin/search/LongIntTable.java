package io.tumbler.lin.search;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative {@code long} keys to {@code int} values, for the transition
 * cache: no boxing, one probe in the common case. Not thread-safe (one per search).
 */
final class LongIntTable {
  /** What {@link #get} returns for an absent key. */
  static final int ABSENT = Integer.MIN_VALUE;
  private static final long FREE = -1L;

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  LongIntTable(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2) - 1) << 1;
    keys = new long[capacity];
    Arrays.fill(keys, FREE);
    values = new int[capacity];
    mask = capacity - 1;
  }

  /** The value for {@code key} (non-negative), or {@link #ABSENT}. */
  int get(long key) {
    int slot = slot(key);
    while (true) {
      long found = keys[slot];
      if (found == key) {
        return values[slot];
      }
      if (found == FREE) {
        return ABSENT;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Sets the value for {@code key}, which must be absent. */
  void putNew(long key, int value) {
    if (key < 0 || value == ABSENT) {
      throw new IllegalArgumentException("key must be non-negative and value not ABSENT");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int slot = slot(key);
    while (keys[slot] != FREE) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = value;
    size++;
  }

  /** Number of keys. */
  int size() {
    return size;
  }

  /** Approximate heap bytes held. */
  long bytes() {
    return keys.length * 12L;
  }

  private int slot(long key) {
    return (int) ZobristKeys.mix(key) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        putNew(oldKeys[i], oldValues[i]);
      }
    }
  }
}
