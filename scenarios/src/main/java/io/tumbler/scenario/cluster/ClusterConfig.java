package io.tumbler.scenario.cluster;

/**
 * The shape of a simulated cluster: how many nodes and clients, the Raft tick on each node's local
 * clock, the election timeout in ticks, how often nodes snapshot, the network's base latency, whether
 * CheckQuorum is on (it is in production; a scenario may turn it off to grow a stale leader's log), and how
 * many entries one AppendEntries carries (64, as in production, unless a scenario wants small batches).
 * With {@code clientsHomed} clients sit beside a home node (client {@code c}'s home is node index
 * {@code c % nodes}) so that a partition cuts a client off from the nodes across it, as a network split
 * between racks or zones does. Without homes (the default, as in Jepsen) clients reach every node through
 * any partition. With {@code buggify} (the default) the nodes' fault points steer them onto rare legal paths
 * ({@link SimFaultPoints}: delayed syncs, split batches, early snapshots...), drawn from the seed, in runs
 * with known bugs as in correct ones (see {@link SimCluster#start}).
 */
public record ClusterConfig(
    int nodes,
    int clients,
    long tickNanos,
    int electionTimeoutTicks,
    int snapshotEveryEntries,
    long latencyMicrosMin,
    long latencyMicrosMax,
    boolean checkQuorum,
    boolean clientsHomed,
    boolean buggify,
    int maxEntriesPerAppend) {

  public ClusterConfig {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("a cluster has 1 to 9 nodes, not " + nodes);
    }
    if (clients < 0) {
      throw new IllegalArgumentException("clients must be >= 0");
    }
    if (maxEntriesPerAppend < 1) {
      throw new IllegalArgumentException("an append carries at least one entry, not " + maxEntriesPerAppend);
    }
  }

  /** Five nodes, five clients, a 10 ms tick, elections after 10 to 20 ticks, LAN-like latency, buggify on. */
  public static ClusterConfig defaults() {
    return new ClusterConfig(5, 5, 10_000_000L, 10, 500, 200, 2_000, true, false, true, 64);
  }

  public ClusterConfig withNodes(int n) {
    return new ClusterConfig(n, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend);
  }

  public ClusterConfig withClients(int c) {
    return new ClusterConfig(nodes, c, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend);
  }

  /** Without CheckQuorum a leader cut off in a minority keeps its role (and keeps appending) until it hears a higher term. */
  public ClusterConfig withCheckQuorum(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, on, clientsHomed, buggify, maxEntriesPerAppend);
  }

  public ClusterConfig withSnapshotEveryEntries(int entries) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, entries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend);
  }

  /** With homes on, a partition puts every client in its home node's group (see {@link SimCluster#partition}). */
  public ClusterConfig withClientsHomed(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, on, buggify, maxEntriesPerAppend);
  }

  /** Buggify on or off; off gives every node {@code FaultPoints.NONE}, as in production. */
  public ClusterConfig withBuggify(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, clientsHomed, on, maxEntriesPerAppend);
  }

  /**
   * At most {@code entries} entries per AppendEntries (production default 64). Small batches make a follower
   * that lags or diverges catch up over many appends, so a probe that lands below the divergence point
   * verifies only part of what the follower holds.
   */
  public ClusterConfig withMaxEntriesPerAppend(int entries) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax, checkQuorum, clientsHomed, buggify, entries);
  }
}
