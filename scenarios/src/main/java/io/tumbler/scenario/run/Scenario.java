package io.tumbler.scenario.run;

import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.cluster.NodeStateMachines;
import io.tumbler.scenario.workload.ReadMode;
import java.util.List;

/**
 * A named, documented combination of cluster size, workload, faults and expectations. A run of a
 * scenario with a seed is a pure function of (scenario, seed, code).
 *
 * @param safetyMillis     the safety phase: workload and faults
 * @param livenessMillis   the budget of the liveness phase: everything healed, a leader and the
 *                         completion of pending work are required within it
 * @param operationLimit   the most client operations the whole run may invoke
 * @param bugs             deliberate Raft bugs switched on in every node ({@code --bug}); NONE in the catalog
 * @param clientTiming     how long clients wait for a reply, retry and think ({@link ClientConfig#defaults()}
 *                         unless a scenario needs clients that give up on a silent node quickly)
 * @param swarm            what of the deployment (cluster, workload, read mode, client timing) each run draws
 *                         from its seed instead of taking the values above ({@link ClusterSwarm#NONE}: nothing)
 * @param stateMachines    what each node's driver applies to: {@link NodeStateMachines#PRODUCTION} everywhere
 *                         but in tests that make the system under test throw (not recorded, not on the CLI)
 * @param electionBoundTimeouts after the final heal a leader must settle within this many of the longest
 *                         election timeouts ({@link ElectionBound}); {@link #DEFAULT_ELECTION_BOUND_TIMEOUTS}
 * @param sut              which Raft runs on the nodes ({@code --sut}; {@link io.tumbler.sut.SutKind#TUMBLER} in the
 *                         catalog)
 */
public record Scenario(
    String name,
    String description,
    ClusterConfig cluster,
    String workload,
    ReadMode readMode,
    FaultScript faults,
    long safetyMillis,
    long livenessMillis,
    int operationLimit,
    Expectation expectation,
    List<ScenarioCheck> checks,
    KnownBugs bugs,
    ClientConfig clientTiming,
    ClusterSwarm swarm,
    NodeStateMachines stateMachines,
    int electionBoundTimeouts,
    io.tumbler.sut.SutKind sut) {

  /** Ten of the longest election timeouts: several split votes in a row, yet far below the liveness budget. */
  public static final int DEFAULT_ELECTION_BOUND_TIMEOUTS = 10;

  public Scenario {
    checks = List.copyOf(checks);
    if (bugs == null) {
      throw new IllegalArgumentException("scenario " + name + ": bugs must not be null (use KnownBugs.NONE)");
    }
    if (stateMachines == null) {
      throw new IllegalArgumentException("scenario " + name + ": stateMachines must not be null (use PRODUCTION)");
    }
    if (clientTiming == null || swarm == null) {
      throw new IllegalArgumentException("scenario " + name + ": clientTiming and swarm must not be null");
    }
    if (safetyMillis < 1 || livenessMillis < 1 || operationLimit < 0) {
      throw new IllegalArgumentException("scenario " + name + ": phases must last at least 1 ms and the operation limit be >= 0");
    }
    if (sut == null) {
      throw new IllegalArgumentException("scenario " + name + ": sut must not be null (use SutKind.TUMBLER)");
    }
    if (electionBoundTimeouts < 1) {
      throw new IllegalArgumentException("scenario " + name + ": the election bound is at least 1 timeout");
    }
  }

  /** The same scenario judged by {@code scenarioChecks} as its own checks. */
  public Scenario withChecks(List<ScenarioCheck> scenarioChecks) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, scenarioChecks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  /** The same scenario run on {@code kind}'s Raft ({@code --sut}). */
  public Scenario withSut(io.tumbler.sut.SutKind kind) {
    FaultScript script = kind == io.tumbler.sut.SutKind.TUMBLER ? faults : faults.withoutMembership();
    return new Scenario(name, description, cluster, workload, readMode, script, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, kind);
  }

  /** The same scenario with another election bound ({@link ElectionBound}). */
  public Scenario withElectionBoundTimeouts(int timeouts) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, swarm, stateMachines, timeouts, sut);
  }

  /** A catalog scenario: the correct implementation, no known bug on. */
  public Scenario(String name, String description, ClusterConfig cluster, String workload, ReadMode readMode,
      FaultScript faults, long safetyMillis, long livenessMillis, int operationLimit, Expectation expectation,
      List<ScenarioCheck> checks) {
    this(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis, operationLimit,
        expectation, checks, KnownBugs.NONE, ClientConfig.defaults(), ClusterSwarm.NONE,
        NodeStateMachines.PRODUCTION, DEFAULT_ELECTION_BOUND_TIMEOUTS, io.tumbler.sut.SutKind.TUMBLER);
  }

  /**
   * The same scenario whose nodes apply to {@code wrapped} state machines: a test seam to make the system
   * under test throw (see {@link NodeStateMachines}); simulation only.
   */
  public Scenario withStateMachines(NodeStateMachines wrapped) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, swarm, wrapped, electionBoundTimeouts, sut);
  }

  /** The same scenario with {@code known} bugs switched on in every node (simulation only). */
  public Scenario withBugs(KnownBugs known) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, known, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  /**
   * The same scenario with a fixed fault schedule (replay, shrink, a hand-edited schedule.json): pinned, so
   * {@link #reproducibleFromSeed()} is false from here on.
   */
  public Scenario withSchedule(io.tumbler.fault.Schedule schedule) {
    return new Scenario(name, description, cluster, workload, readMode, FaultScript.pinned(schedule), safetyMillis,
        livenessMillis, operationLimit, expectation, checks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  public Scenario withSafetyMillis(long millis) {
    return new Scenario(name, description, cluster, workload, readMode, faults, millis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  public Scenario withOperationLimit(int limit) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis, limit,
        expectation, checks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  /** The same scenario driven by another workload and read mode ({@code --workload}, {@code --read-mode}). */
  public Scenario withWorkload(String newWorkload, ReadMode newReadMode) {
    return new Scenario(name, description, cluster, newWorkload, newReadMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, swarm.workloadPinned(), stateMachines, electionBoundTimeouts, sut);
  }

  /** The same scenario drawing {@code drawn} of its deployment from each run's seed. */
  public Scenario withSwarm(ClusterSwarm drawn) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, clientTiming, drawn, stateMachines, electionBoundTimeouts, sut);
  }

  /** The deployment this scenario runs when it draws nothing. */
  public RunShape shape() {
    return new RunShape(cluster, workload, readMode, clientTiming);
  }

  /** The same scenario fixed to {@code shape} (a drawn or recorded deployment): nothing more is drawn. */
  public Scenario withShape(RunShape shape) {
    return new Scenario(name, description, shape.cluster(), shape.workload(), shape.readMode(), faults, safetyMillis,
        livenessMillis, operationLimit, expectation, checks, bugs, shape.clientTiming(), ClusterSwarm.NONE, stateMachines, electionBoundTimeouts, sut);
  }

  /** The command-line flags that turn the catalog's scenario of this name into this one (empty if it is the catalog's). */
  public java.util.List<String> overrideFlags() {
    java.util.List<String> flags = new java.util.ArrayList<>();
    Scenario base;
    try {
      base = ScenarioCatalog.named(name);
    } catch (IllegalArgumentException notInCatalog) {
      return flags;
    }
    if (!base.workload().equals(workload)) {
      flags.add("--workload " + workload);
    }
    if (base.readMode() != readMode) {
      flags.add("--read-mode " + readMode.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (sut != base.sut()) {
      flags.add("--sut " + sut.cliName());
    }
    return flags;
  }

  /**
   * Whether {@code tumbler run --scenario NAME --seed N} with {@link #overrideFlags()} and the bug flags runs this
   * scenario: false once a schedule was pinned ({@link #withSchedule}) or the phase length or operation limit
   * differ from the catalog's (the shrinker's cuts), since no flag says those. A scenario outside the catalog
   * (a test's) counts as reproducible: nothing else would name it either.
   */
  public boolean reproducibleFromSeed() {
    if (faults instanceof FaultScript.Pinned) {
      return false;
    }
    Scenario base;
    try {
      base = ScenarioCatalog.named(name);
    } catch (IllegalArgumentException notInCatalog) {
      return true;
    }
    return base.safetyMillis() == safetyMillis && base.operationLimit() == operationLimit;
  }

  /** The same scenario with other client timing. */
  public Scenario withClientTiming(ClientConfig timing) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, expectation, checks, bugs, timing, swarm, stateMachines, electionBoundTimeouts, sut);
  }

  public Scenario withExpectation(Expectation e) {
    return new Scenario(name, description, cluster, workload, readMode, faults, safetyMillis, livenessMillis,
        operationLimit, e, checks, bugs, clientTiming, swarm, stateMachines, electionBoundTimeouts, sut);
  }
}
