package io.tumbler.lin.model;

/**
 * An immutable string built by appends, for {@code kv-get-put-append}: a chain of chunks sharing their
 * prefix with the string they extend, so that an append is O(chunk) instead of O(length), and with a
 * 64-bit polynomial rolling hash and the length kept, so that hashing is O(1) and almost every unequal
 * comparison ends after the length or the last chunk. The search meets hundreds of thousands of
 * distinct values in Porcupine's kv histories; as plain strings they would cost gigabytes and seconds.
 *
 * <p>Equality is by content: two chains that spell the same string are equal.
 */
public final class AppendedText {
  /** The empty string. */
  public static final AppendedText EMPTY = new AppendedText(null, "", 0L);
  /**
   * A placeholder for content that a later put overwrites unobserved (see {@code
   * Model.forgetOverwritten}): equal only to itself, never equal to a string, and appending to it keeps
   * it.
   */
  public static final AppendedText OVERWRITTEN = new AppendedText(null, "\u0000<overwritten>", 0x6F76657277726974L);
  private static final long BASE = 0x100000001B3L;

  private final AppendedText parent;
  private final String chunk;
  private final int length;
  private final long hash;

  private AppendedText(AppendedText parent, String chunk, long hash) {
    this.parent = parent;
    this.chunk = chunk;
    this.length = (parent == null ? 0 : parent.length) + chunk.length();
    this.hash = hash;
  }

  /** The text {@code value}. */
  public static AppendedText of(String value) {
    return EMPTY.append(value);
  }

  /** This text followed by {@code suffix}. */
  public AppendedText append(String suffix) {
    if (suffix.isEmpty() || this == OVERWRITTEN) {
      return this;
    }
    long h = hash;
    for (int i = 0; i < suffix.length(); i++) {
      h = h * BASE + suffix.charAt(i);
    }
    return new AppendedText(this.length == 0 ? null : this, suffix, h);
  }

  /**
   * The polynomial hashes of every prefix of {@code text} ({@code [i]} is the hash of its first i chars),
   * comparable with {@link #rollingHash()}: equal strings have equal hashes, so a mismatch proves that a
   * text is not a prefix.
   */
  public static long[] prefixHashes(String text) {
    long[] hashes = new long[text.length() + 1];
    for (int i = 0; i < text.length(); i++) {
      hashes[i + 1] = hashes[i] * BASE + text.charAt(i);
    }
    return hashes;
  }

  /** The polynomial hash of the whole text (see {@link #prefixHashes}). */
  public long rollingHash() {
    return hash;
  }

  /** Its length in chars. */
  public int length() {
    return length;
  }

  /** Whether this text spells {@code text}; compares from the end, chunk by chunk. */
  public boolean contentEquals(String text) {
    if (this == OVERWRITTEN || text.length() != length) {
      return false;
    }
    int end = length;
    for (AppendedText node = this; node != null && end > 0; node = node.parent) {
      int start = end - node.chunk.length();
      if (!text.regionMatches(start, node.chunk, 0, node.chunk.length())) {
        return false;
      }
      end = start;
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof AppendedText text && text != OVERWRITTEN && this != OVERWRITTEN
        && text.length == length && text.hash == hash && text.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash);
  }

  /** The whole string (O(length)). */
  @Override
  public String toString() {
    if (this == OVERWRITTEN) {
      return "<overwritten before anyone reads it>";
    }
    char[] chars = new char[length];
    int end = length;
    for (AppendedText node = this; node != null && end > 0; node = node.parent) {
      end -= node.chunk.length();
      node.chunk.getChars(0, node.chunk.length(), chars, end);
    }
    return new String(chars);
  }
}
