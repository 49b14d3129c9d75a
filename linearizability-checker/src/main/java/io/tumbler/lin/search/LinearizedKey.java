package io.tumbler.lin.search;

/**
 * The cache key of a linearized set: a word array that encodes the set one-to-one, sized by the open part
 * of the history instead of its length, so that a long history does not make every cached configuration
 * as large as the history.
 *
 * <p>Compact layout, for a set L over operations numbered in order of invocation:
 * <ul>
 *   <li>{@code low}: the first required operation not in L (every required operation before it is in L,
 *       so those need no bits), and {@code base = low / 64}, the word it falls in;</li>
 *   <li>the <em>window</em>: L's bitset words from {@code base} to the word of L's highest member (none when
 *       that is below {@code base}). Everything linearized was invoked before the current first return, so
 *       this spans the calls concurrent with {@code low}, not the history;</li>
 *   <li>the <em>indeterminate tail</em>: one bit per indeterminate operation numbered below {@code 64 *
 *       base} (they may stay open forever, so they cannot be pruned, but they cost one bit each, in a
 *       bitset over indeterminate operations only, not one bit per operation of the history);</li>
 *   <li>a header word {@code base << 32 | length}.</li>
 * </ul>
 * Each part is a function of L, and together they determine L (the required operations below
 * {@code 64 * base} are all in L, none above the window is), so equal keys mean equal sets. The
 * {@linkplain #full full} layout (header and every word of the bitset) is the naive twin the differential
 * test compares against: the search must explore exactly the same configurations with either.
 */
final class LinearizedKey {
  private final boolean compact;
  private final long[] linearized;
  /** Indeterminate operations' ordinals among themselves, -1 for required ones. */
  private final int[] infoOrdinal;
  /** Bit per indeterminate operation (by ordinal): linearized. */
  private final long[] infoLinearized;
  /** For each bitset word w, how many indeterminate operations are numbered below 64 * w. */
  private final int[] infoBelowWord;
  private final long[] scratch;

  private LinearizedKey(boolean compact, long[] linearized, boolean[] required) {
    this.compact = compact;
    this.linearized = linearized;
    this.infoOrdinal = new int[required.length];
    this.infoBelowWord = new int[linearized.length + 1];
    int info = 0;
    for (int op = 0; op < required.length; op++) {
      if ((op & 63) == 0) {
        infoBelowWord[op >>> 6] = info;
      }
      infoOrdinal[op] = required[op] ? -1 : info++;
    }
    for (int w = (required.length + 63) >>> 6; w <= linearized.length; w++) {
      infoBelowWord[w] = info;
    }
    this.infoLinearized = new long[(info + 63) >>> 6];
    this.scratch = new long[1 + linearized.length + infoLinearized.length];
  }

  /** Compact keys over the bitset {@code linearized} (which the search updates in place). */
  static LinearizedKey compact(long[] linearized, boolean[] required) {
    return new LinearizedKey(true, linearized, required);
  }

  /** Full-bitset keys: the naive twin, for differential tests. */
  static LinearizedKey full(long[] linearized, boolean[] required) {
    return new LinearizedKey(false, linearized, required);
  }

  /** Records that {@code op} joined the set (the caller sets its bit in the bitset). */
  void added(int op) {
    int ordinal = infoOrdinal[op];
    if (ordinal >= 0) {
      infoLinearized[ordinal >>> 6] |= 1L << ordinal;
    }
  }

  /** Records that {@code op} left the set. */
  void removed(int op) {
    int ordinal = infoOrdinal[op];
    if (ordinal >= 0) {
      infoLinearized[ordinal >>> 6] &= ~(1L << ordinal);
    }
  }

  /**
   * Encodes the current set into {@link #words()} and returns the key's length.
   *
   * @param low     the first required operation not in the set (the operation count when none)
   * @param highest the highest operation in the set, -1 when it is empty
   */
  int encode(int low, int highest) {
    int base = compact ? low >>> 6 : 0;
    int top = compact ? (highest < 0 ? -1 : highest >>> 6) : linearized.length - 1;
    int windowWords = Math.max(0, top - base + 1);
    int infoWords = compact ? (infoBelowWord[base] + 63) >>> 6 : 0;
    int length = 1 + windowWords + infoWords;
    scratch[0] = ((long) base << 32) | length;
    System.arraycopy(linearized, base, scratch, 1, windowWords);
    System.arraycopy(infoLinearized, 0, scratch, 1 + windowWords, infoWords);
    return length;
  }

  /** The last key {@link #encode} built (a buffer reused by the next call). */
  long[] words() {
    return scratch;
  }
}
