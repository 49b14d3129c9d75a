package io.tumbler.scenario.client;

/**
 * Where clients find the cluster's nodes, as a client library configured with the hosts' addresses would: the
 * members the operator lists (added hosts appear once started, removed ones disappear once their removal
 * commits), and the address of any node a leader hint names. Clients rotate over the members; a hint may name a
 * node they did not know of yet, and they follow it.
 */
public interface NodeDirectory {
  /** The node ids clients address, ascending, never empty. */
  int[] members();

  /** The network address of node {@code nodeId}, or -1 when no such node was ever started. */
  int processOf(int nodeId);

  /** The node id at network address {@code process}, or 0 when it is no node's. */
  int nodeAt(int process);
}
