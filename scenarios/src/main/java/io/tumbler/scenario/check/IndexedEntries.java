package io.tumbler.scenario.check;

import java.util.Arrays;

/**
 * A growable table of log positions 1..n, each either unknown or holding (term, digest, extra):
 * the committed log and the applied log as the checker has learned them across the cluster.
 */
final class IndexedEntries {
  private long[] terms = new long[256];
  private long[] digests = new long[256];
  private long[] extras = new long[256];
  private int[] nodes = new int[256];
  private long[] commitTerms = new long[256];
  private long highest;

  boolean known(long index) {
    return index >= 1 && index <= highest && terms[(int) index] != 0;
  }

  long term(long index) {
    return terms[(int) index];
  }

  long digest(long index) {
    return digests[(int) index];
  }

  long extra(long index) {
    return extras[(int) index];
  }

  int node(long index) {
    return nodes[(int) index];
  }

  /**
   * The lowest term in which any node reported this index committed: never below the term of the leader
   * that committed it (a node learns of a commit in that term or a later one), 0 if never recorded.
   */
  long commitTerm(long index) {
    return commitTerms[(int) index];
  }

  /** Lowers the recorded commit term of a known {@code index} to {@code term} if that is lower (or unset). */
  void noteCommitTerm(long index, long term) {
    int i = (int) index;
    if (commitTerms[i] == 0 || term < commitTerms[i]) {
      commitTerms[i] = term;
    }
  }

  long highest() {
    return highest;
  }

  /** Records the entry at {@code index}; terms are always at least 1, so 0 marks "unknown". */
  void put(long index, long term, long digest, long extra, int node) {
    if (term < 1) {
      throw new IllegalArgumentException("entry term must be >= 1, was " + term + " at index " + index);
    }
    if (index >= terms.length) {
      int capacity = (int) Math.max(index + 1, terms.length * 2L);
      terms = Arrays.copyOf(terms, capacity);
      digests = Arrays.copyOf(digests, capacity);
      extras = Arrays.copyOf(extras, capacity);
      nodes = Arrays.copyOf(nodes, capacity);
      commitTerms = Arrays.copyOf(commitTerms, capacity);
    }
    int i = (int) index;
    terms[i] = term;
    digests[i] = digest;
    extras[i] = extra;
    nodes[i] = node;
    highest = Math.max(highest, index);
  }
}
