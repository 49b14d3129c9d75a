package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.EntryRef;
import java.util.Arrays;

/**
 * The checker's picture of one node's log, rebuilt from the journal alone.
 *
 * <p>Entries are kept from {@code baseIndex + 1} (everything at or below the base was covered by a
 * snapshot). For each entry it keeps the term, the entry digest and a prefix hash: a hash chained over
 * every (term, digest) from the start of the log, so two logs that agree on an entry's prefix hash agree
 * on the whole prefix — the Log Matching property becomes one comparison per appended entry.
 */
final class NodeLogView {
  private long baseIndex;
  private long baseTerm;
  private long basePrefixHash;
  private int size;
  private long[] terms = new long[64];
  private long[] digests = new long[64];
  private long[] prefixHashes = new long[64];

  /** Chains one entry onto a prefix hash (a SplitMix64-style finalizer over the three words). */
  static long chain(long prefixHash, long term, long digest) {
    long h = prefixHash * 0x9E3779B97F4A7C15L + term;
    h = mix(h) ^ digest;
    return mix(h + 0x632BE59BD9B4E019L);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long baseIndex() {
    return baseIndex;
  }

  long lastIndex() {
    return baseIndex + size;
  }

  /** True when the view holds an entry at {@code index} (not covered by the snapshot base). */
  boolean holds(long index) {
    return index > baseIndex && index <= lastIndex();
  }

  long termAt(long index) {
    if (index == baseIndex) {
      return baseTerm;
    }
    return terms[slot(index)];
  }

  long digestAt(long index) {
    return digests[slot(index)];
  }

  long prefixHashAt(long index) {
    if (index == baseIndex) {
      return basePrefixHash;
    }
    return prefixHashes[slot(index)];
  }

  private int slot(long index) {
    if (!holds(index)) {
      throw new IllegalArgumentException("index " + index + " outside (" + baseIndex + ", " + lastIndex() + "]");
    }
    return (int) (index - baseIndex - 1);
  }

  /** Drops every entry at or after {@code fromIndex}. */
  void truncateFrom(long fromIndex) {
    if (fromIndex <= baseIndex) {
      size = 0;
      return;
    }
    size = (int) Math.min(size, fromIndex - baseIndex - 1);
  }

  /** Places {@code entry} at {@code index}, which must be at most one past the last entry. */
  void put(long index, EntryRef entry) {
    if (index <= baseIndex || index > lastIndex() + 1) {
      throw new IllegalArgumentException("put at " + index + " outside (" + baseIndex + ", " + (lastIndex() + 1) + "]");
    }
    truncateFrom(index);
    ensureCapacity(size + 1);
    long previous = prefixHashAt(index - 1);
    terms[size] = entry.term();
    digests[size] = entry.digest();
    prefixHashes[size] = chain(previous, entry.term(), entry.digest());
    size++;
  }

  /** Restarts the view from a snapshot base; nothing after it is known until re-announced. */
  void resetTo(long index, long term, long prefixHash) {
    baseIndex = index;
    baseTerm = term;
    basePrefixHash = prefixHash;
    size = 0;
  }

  private void ensureCapacity(int wanted) {
    if (wanted > terms.length) {
      int capacity = Math.max(wanted, terms.length * 2);
      terms = Arrays.copyOf(terms, capacity);
      digests = Arrays.copyOf(digests, capacity);
      prefixHashes = Arrays.copyOf(prefixHashes, capacity);
    }
  }
}
