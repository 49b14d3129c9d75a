package io.tumbler.scenario.cluster;

/**
 * The shape of a simulated cluster: how many nodes and clients, the Raft tick on each node's local
 * clock, the election timeout in ticks, how often nodes snapshot, and the network's base latency.
 */
public record ClusterConfig(
    int nodes,
    int clients,
    long tickNanos,
    int electionTimeoutTicks,
    int snapshotEveryEntries,
    long latencyMicrosMin,
    long latencyMicrosMax) {

  public ClusterConfig {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("a cluster has 1 to 9 nodes, not " + nodes);
    }
    if (clients < 0) {
      throw new IllegalArgumentException("clients must be >= 0");
    }
  }

  /** Five nodes, five clients, a 10 ms tick, elections after 10 to 20 ticks, LAN-like latency. */
  public static ClusterConfig defaults() {
    return new ClusterConfig(5, 5, 10_000_000L, 10, 500, 200, 2_000);
  }

  public ClusterConfig withNodes(int n) {
    return new ClusterConfig(n, clients, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax);
  }

  public ClusterConfig withClients(int c) {
    return new ClusterConfig(nodes, c, tickNanos, electionTimeoutTicks, snapshotEveryEntries, latencyMicrosMin,
        latencyMicrosMax);
  }

  public ClusterConfig withSnapshotEveryEntries(int entries) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, entries, latencyMicrosMin,
        latencyMicrosMax);
  }
}
