package io.tumbler.lin.search;

/**
 * The cache key of a linearized set: a word array that encodes the set one-to-one, in two parts, the
 * required operations and the indeterminate ones, so that the cache can tell when one configuration
 * <em>subsumes</em> another ({@link ConfigurationCache}: equal required parts and state, and a subset of the
 * indeterminate operations). Sized by the open part of the history instead of its length, so that a long
 * history does not make every cached configuration as large as the history.
 *
 * <p>Compact layout, for a set L over operations numbered in order of invocation:
 * <ul>
 *   <li>a header word {@code base << 32 | length}, then a word holding the required part's length;</li>
 *   <li>the <em>required part</em>: {@code low}, the first required operation not in L (every required
 *       operation before it is in L, so those need no bits), and {@code base = low / 64}, the word it falls
 *       in, then L's bitset words from {@code base} on, with the indeterminate operations' bits cleared, up
 *       to the last word that is not then zero. Everything linearized was invoked before the current first
 *       return, so this spans the calls concurrent with {@code low}, not the history;</li>
 *   <li>the <em>indeterminate part</em>: one bit per indeterminate operation (in a bitset over the
 *       indeterminate operations only, not one bit per operation of the history) numbered below the end
 *       of the word of L's highest member (no linearized one is above it). It may end in zero words.</li>
 * </ul>
 * The header and required part are a function of L's required operations and determine them; the
 * indeterminate part, padded with zero words, determines L's indeterminate operations. The {@linkplain
 * #full full} layout (base 0, every word of the bitset with the indeterminate bits cleared, then every word
 * of the indeterminate bitset) is the naive twin the differential test compares against: the search must
 * explore exactly the same configurations with either.
 */
final class LinearizedKey {
  /** Words before the required part: {@code base << 32 | length}, and the required part's length. */
  static final int HEADER_WORDS = 2;

  private final boolean compact;
  private final long[] linearized;
  /** Indeterminate operations' ordinals among themselves, -1 for required ones. */
  private final int[] infoOrdinal;
  /** Bit per indeterminate operation (by ordinal): linearized. */
  private final long[] infoLinearized;
  /** For each bitset word w, how many indeterminate operations are numbered below 64 * w. */
  private final int[] infoBelowWord;
  /** For each bitset word, the bits of required operations. */
  private final long[] requiredMask;
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
    this.requiredMask = new long[linearized.length];
    for (int op = 0; op < required.length; op++) {
      requiredMask[op >>> 6] |= required[op] ? 1L << op : 0;
    }
    this.scratch = new long[HEADER_WORDS + linearized.length + infoLinearized.length];
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
    int top = highest < 0 ? -1 : highest >>> 6;
    int base = compact ? low >>> 6 : 0;
    int requiredTop = compact ? top : linearized.length - 1;
    while (compact && requiredTop >= base && (linearized[requiredTop] & requiredMask[requiredTop]) == 0) {
      requiredTop--;
    }
    int requiredWords = Math.max(0, requiredTop - base + 1);
    int infoWords = compact ? (infoBelowWord[top + 1] + 63) >>> 6 : infoLinearized.length;
    int length = HEADER_WORDS + requiredWords + infoWords;
    scratch[0] = ((long) base << 32) | length;
    scratch[1] = requiredWords;
    for (int w = 0; w < requiredWords; w++) {
      scratch[HEADER_WORDS + w] = linearized[base + w] & requiredMask[base + w];
    }
    System.arraycopy(infoLinearized, 0, scratch, HEADER_WORDS + requiredWords, infoWords);
    return length;
  }

  /** The last key {@link #encode} built (a buffer reused by the next call). */
  long[] words() {
    return scratch;
  }
}
