package io.tumbler.fault;

/**
 * The ring-order rules the leader-targeted faults share when they apply themselves ({@link Fault#applyTo}): who
 * succeeds the leader, and which nodes go into the minority beside it.
 */
public final class FaultApplier {
  private FaultApplier() {}

  /** The node after {@code leader} in ring order (the leader itself on a one-node cluster). */
  static int successor(int leader, int[] nodes) {
    for (int k = 0; k < nodes.length; k++) {
      if (nodes[k] == leader) {
        return nodes[(k + 1) % nodes.length];
      }
    }
    return leader;
  }

  /**
   * Two groups: the leader with its successors in ring order (as many as still leave it a minority), and
   * the rest. Ring order makes the choice deterministic and keeps neighbours together.
   */
  static int[][] minorityWith(int leader, int[] nodes) {
    int size = Math.max(1, (nodes.length - 1) / 2);
    int start = 0;
    while (nodes[start] != leader) {
      start++;
    }
    int[] minority = new int[size];
    int[] majority = new int[nodes.length - size];
    for (int k = 0; k < nodes.length; k++) {
      int node = nodes[(start + k) % nodes.length];
      if (k < size) {
        minority[k] = node;
      } else {
        majority[k - size] = node;
      }
    }
    return new int[][] {minority, majority};
  }

  /** {@code ids} as a list, in order (the resolved nodes of a {@link FaultOutcome}). */
  static java.util.List<Integer> listOf(int[] ids) {
    return java.util.Arrays.stream(ids).boxed().toList();
  }
}
