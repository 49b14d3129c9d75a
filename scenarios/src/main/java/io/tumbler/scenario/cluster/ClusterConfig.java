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
 *
 * <p>The Raft knobs ({@code heartbeatIntervalTicks}, {@code preVote}, {@code checkQuorum},
 * {@code maxEntriesPerAppend}, {@code maxInflightAppends}) reach every node's {@code RaftConfig}; the default
 * scenario draws all of them per seed ({@link io.tumbler.scenario.run.ClusterSwarm}), within what a deployment
 * could choose.
 */
public record ClusterConfig(
    int nodes,
    int clients,
    long tickNanos,
    int electionTimeoutTicks,
    int heartbeatIntervalTicks,
    int snapshotEveryEntries,
    long latencyMicrosMin,
    long latencyMicrosMax,
    boolean preVote,
    boolean checkQuorum,
    boolean clientsHomed,
    boolean buggify,
    int maxEntriesPerAppend,
    int maxInflightAppends,
    boolean leaseSafeClocks) {

  public ClusterConfig {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("a cluster has 1 to 9 nodes, not " + nodes);
    }
    if (clients < 0) {
      throw new IllegalArgumentException("clients must be >= 0");
    }
    if (heartbeatIntervalTicks < 1 || heartbeatIntervalTicks >= electionTimeoutTicks) {
      throw new IllegalArgumentException("need 0 < heartbeatIntervalTicks (" + heartbeatIntervalTicks
          + ") < electionTimeoutTicks (" + electionTimeoutTicks + ")");
    }
    if (maxEntriesPerAppend < 1 || maxInflightAppends < 1) {
      throw new IllegalArgumentException("an append carries at least one entry and one may be in flight, not "
          + maxEntriesPerAppend + " and " + maxInflightAppends);
    }
    if (tickNanos < 1 || latencyMicrosMin < 0 || latencyMicrosMax < latencyMicrosMin) {
      throw new IllegalArgumentException("need a positive tick and 0 <= latencyMicrosMin <= latencyMicrosMax");
    }
  }

  /**
   * Five nodes, five clients, a 10 ms tick, elections after 10 to 20 ticks, a heartbeat every tick, LAN-like
   * latency, PreVote and CheckQuorum on, 64 entries per append and 256 in flight, buggify on.
   */
  public static ClusterConfig defaults() {
    return new ClusterConfig(5, 5, 10_000_000L, 10, 1, 500, 200, 2_000, true, true, false, true, 64, 256, false);
  }

  public ClusterConfig withNodes(int n) {
    return new ClusterConfig(n, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks, snapshotEveryEntries,
        latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend,
        maxInflightAppends, leaseSafeClocks);
  }

  public ClusterConfig withClients(int c) {
    return new ClusterConfig(nodes, c, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks, snapshotEveryEntries,
        latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend,
        maxInflightAppends, leaseSafeClocks);
  }

  /** The tick on each node's clock, the election timeout T in ticks and the heartbeat interval in ticks. */
  public ClusterConfig withTiming(long tick, int electionTicks, int heartbeatTicks) {
    return new ClusterConfig(nodes, clients, tick, electionTicks, heartbeatTicks, snapshotEveryEntries,
        latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend,
        maxInflightAppends, leaseSafeClocks);
  }

  /** The base latency of every link, uniform in {@code [minMicros, maxMicros]}; heals return to it. */
  public ClusterConfig withLatency(long minMicros, long maxMicros) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, minMicros, maxMicros, preVote, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend,
        maxInflightAppends, leaseSafeClocks);
  }

  /** PreVote (dissertation 9.6) on or off: off, a node that cannot win raises its term on every timeout. */
  public ClusterConfig withPreVote(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, on, checkQuorum, clientsHomed, buggify,
        maxEntriesPerAppend, maxInflightAppends, leaseSafeClocks);
  }

  /** Without CheckQuorum a leader cut off in a minority keeps its role (and keeps appending) until it hears a higher term. */
  public ClusterConfig withCheckQuorum(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, on, clientsHomed, buggify,
        maxEntriesPerAppend, maxInflightAppends, leaseSafeClocks);
  }

  public ClusterConfig withSnapshotEveryEntries(int entries) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks, entries,
        latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify, maxEntriesPerAppend,
        maxInflightAppends, leaseSafeClocks);
  }

  /** With homes on, a partition puts every client in its home node's group (see {@link SimCluster#partition}). */
  public ClusterConfig withClientsHomed(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, on, buggify,
        maxEntriesPerAppend, maxInflightAppends, leaseSafeClocks);
  }

  /** Buggify on or off; off gives every node {@code FaultPoints.NONE}, as in production. */
  public ClusterConfig withBuggify(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, on,
        maxEntriesPerAppend, maxInflightAppends, leaseSafeClocks);
  }

  /**
   * At most {@code entries} entries per AppendEntries (production default 64). Small batches make a follower
   * that lags or diverges catch up over many appends, so a probe that lands below the divergence point
   * verifies only part of what the follower holds.
   */
  public ClusterConfig withMaxEntriesPerAppend(int entries) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify, entries,
        maxInflightAppends, leaseSafeClocks);
  }

  /**
   * With {@code on}, faults keep every clock's rate within what the leader lease allows for (no jumps, drift
   * bounded by {@link #maxClockDriftPpm}): a deployment that serves lease reads promises that much of its
   * clocks, and a lease broken by a clock outside the promise is not a bug of the Raft.
   */
  public ClusterConfig withLeaseSafeClocks(boolean on) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify,
        maxEntriesPerAppend, maxInflightAppends, on);
  }

  /**
   * The largest clock drift (either way, in ppm) the fault plans may give a node. With lease-safe clocks it
   * keeps the rate ratio of any two clocks below {@code T / (T - 2)}, the margin the lease's 2-tick drift
   * bound leaves ({@code RaftConfig.leaseDriftBoundTicks}); otherwise 20%.
   */
  public long maxClockDriftPpm() {
    if (!leaseSafeClocks) {
      return 200_000;
    }
    double ratio = (double) electionTimeoutTicks / (electionTimeoutTicks - 2);
    return (long) ((ratio - 1) / 2.5 * 1_000_000);
  }

  /** At most {@code appends} appends in flight per follower (production default 256; 1 is stop-and-wait). */
  public ClusterConfig withMaxInflightAppends(int appends) {
    return new ClusterConfig(nodes, clients, tickNanos, electionTimeoutTicks, heartbeatIntervalTicks,
        snapshotEveryEntries, latencyMicrosMin, latencyMicrosMax, preVote, checkQuorum, clientsHomed, buggify,
        maxEntriesPerAppend, appends, leaseSafeClocks);
  }
}
