package io.tumbler.scenario.run;

import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.sim.random.RandomStream;

/**
 * Swarm testing over the deployment, not only the faults: which cluster a run simulates is itself drawn from
 * the seed (the run's {@code shape} stream), within what an operator could configure — 1 to 7 nodes (even
 * sizes included), tick, election timeout and heartbeat, PreVote and CheckQuorum on or off, append batch and
 * pipeline limits, snapshot interval, LAN or WAN latency, clients beside a home node or not — and with it the
 * workload (kv, dedicated readers, VM orchestration, the path store), the read mode (ReadIndex, leases, or
 * now and then reads from a replica's own state, which the linearizability check then leaves out as stale by
 * design while still checking every write) and how patient the clients are. One default campaign so explores what would otherwise need a hand-written
 * scenario per configuration.
 *
 * <p>Two rules keep every drawn deployment one a correct Raft must survive: the election timeout is at least
 * six times the largest one-way latency (else no leader is ever elected and liveness fails for want of a
 * sane configuration), and lease reads come with CheckQuorum (a lease requires it) and clocks kept within the
 * lease's drift bound ({@link ClusterConfig#withLeaseSafeClocks}).
 *
 * @param drawCluster  draw the cluster and client timing
 * @param drawWorkload draw the workload and read mode (off when {@code --workload}/{@code --read-mode} pin them)
 * @param drawOddSize  draw only the bootstrap cluster size, 3, 5 or 7, keeping the rest of the scenario's
 *                     deployment (the {@code membership} scenario; with {@code drawCluster} it is ignored)
 */
public record ClusterSwarm(boolean drawCluster, boolean drawWorkload, boolean drawOddSize) {
  /** Nothing drawn: the scenario's own deployment. */
  public static final ClusterSwarm NONE = new ClusterSwarm(false, false);
  /** Everything drawn (the default scenario). */
  public static final ClusterSwarm FULL = new ClusterSwarm(true, true);
  /** Only the bootstrap size, 3, 5 or 7 nodes. */
  public static final ClusterSwarm ODD_SIZES = new ClusterSwarm(false, false, true);

  public ClusterSwarm(boolean drawCluster, boolean drawWorkload) {
    this(drawCluster, drawWorkload, false);
  }

  private static final long MILLIS = 1_000_000L;

  public boolean draws() {
    return drawCluster || drawWorkload || drawOddSize;
  }

  /** The same swarm with the workload and read mode left as the scenario has them. */
  public ClusterSwarm workloadPinned() {
    return new ClusterSwarm(drawCluster, false, drawOddSize);
  }

  /** The deployment for one run of {@code scenario}; every draw comes from {@code random} in a fixed order. */
  public RunShape draw(RandomStream random, Scenario scenario) {
    if (drawOddSize && !drawCluster && !drawWorkload) {
      int nodes = pick(random, new int[] {3, 5, 7});
      return new RunShape(scenario.cluster().withNodes(nodes), scenario.workload(), scenario.readMode(),
          scenario.clientTiming());
    }
    ClusterConfig cluster = drawCluster(random, scenario.cluster());
    boolean impatient = random.chance(0.25) && cluster.latencyMicrosMax() <= 2_000;
    ClientConfig timing = impatient ? HuntScenarios.impatientClients() : scenario.clientTiming();
    String workload = pick(random, new String[] {"kv", "kv", "kv-readers", "vm", "vm", "paths", "paths"});
    double readRoll = random.nextDouble();
    ReadMode readMode = readRoll < 0.3 ? ReadMode.LEASE
        : readRoll < 0.37 && !workload.equals("vm") ? ReadMode.LOCAL : ReadMode.LINEARIZABLE;
    if (!drawWorkload) {
      workload = scenario.workload();
      readMode = scenario.readMode();
    }
    if (!drawCluster) {
      return new RunShape(scenario.cluster(), workload, readMode, scenario.clientTiming());
    }
    if (readMode == ReadMode.LEASE) {
      cluster = cluster.withCheckQuorum(true).withLeaseSafeClocks(true);
    }
    if (workload.equals("vm")) {
      // The VM model does not split by key (placement couples every VM through host capacity), so each
      // indeterminate operation multiplies the checker's search. Fewer clients that keep retrying a command
      // (the session table applies it once) for up to 5 s leave few operations indeterminate.
      cluster = cluster.withClients(Math.min(cluster.clients(), 4));
      timing = new ClientConfig(timing.attemptTimeoutNanos(), Math.max(timing.operationDeadlineNanos(),
          5_000 * MILLIS), timing.thinkNanosMax(), timing.retryBackoffNanos());
    }
    return new RunShape(cluster, workload, readMode, timing);
  }

  private static ClusterConfig drawCluster(RandomStream random, ClusterConfig base) {
    int nodes = pick(random, new int[] {1, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7});
    int clients = 2 + random.nextInt(9);
    long[] latency = pickLatency(random);
    long tickMillis = pick(random, new int[] {2, 5, 5, 10, 10, 10, 20});
    int electionTicks = 5 + random.nextInt(26);
    while (tickMillis * MILLIS * electionTicks < 6 * latency[1] * 1_000) {
      electionTicks += 5;
    }
    int heartbeatTicks = 1 + random.nextInt(Math.max(1, electionTicks / 3));
    boolean preVote = random.chance(0.75);
    boolean checkQuorum = random.chance(0.75);
    int batch = pick(random, new int[] {1, 4, 64, 64, 64});
    int inflight = pick(random, new int[] {1, 4, 256, 256, 256});
    if (batch * inflight < 64) {
      // One entry per round trip cannot keep a follower level with a loaded leader over a WAN: small
      // batches come with a deep pipeline, stop-and-wait with full batches (as any tuned deployment has it).
      inflight = batch == 1 ? 256 : inflight;
      batch = batch == 1 ? 1 : 64;
    }
    int snapshotEvery = pick(random, new int[] {25, 100, 500, 500, 1_000_000});
    boolean homed = random.chance(0.25);
    return base.withNodes(nodes).withClients(clients).withLatency(latency[0], latency[1])
        .withTiming(tickMillis * MILLIS, electionTicks, heartbeatTicks).withPreVote(preVote)
        .withCheckQuorum(checkQuorum).withMaxEntriesPerAppend(batch).withMaxInflightAppends(inflight)
        .withSnapshotEveryEntries(snapshotEvery).withClientsHomed(homed).withLeaseSafeClocks(false);
  }

  /** LAN, a slow LAN, or a WAN: {min, max} one-way latency in microseconds. */
  private static long[] pickLatency(RandomStream random) {
    double p = random.nextDouble();
    if (p < 0.55) {
      return new long[] {200, 2_000};
    }
    return p < 0.8 ? new long[] {500, 8_000} : new long[] {2_000, 30_000};
  }

  private static int pick(RandomStream random, int[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String pick(RandomStream random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
