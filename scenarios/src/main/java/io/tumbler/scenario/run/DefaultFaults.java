package io.tumbler.scenario.run;

import io.tumbler.fault.Schedule;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.sim.random.RandomStream;

/**
 * The default scenario's faults, so that the campaign a user runs without choosing a scenario also changes the
 * cluster's membership: most runs draw a swarm {@link io.tumbler.fault.FaultPlan} ({@link RandomFaults#swarm()}),
 * while on clusters of at least three nodes a share of runs is driven by operators instead, with the {@code
 * membership} scenario's script (hosts added, removed and replaced amid crashes, isolations, pauses and transfers)
 * or the {@code rejoin} scenario's (hosts joining and rejoining through the handshake, impostors, replayed proofs).
 * Each such run keeps its drawn deployment (size, timing, workload, read mode), so membership meets lease reads,
 * even sizes, WAN latency and the VM workload, which the membership scenarios alone never combine.
 *
 * <p>Which script a run gets is drawn from the nemesis stream's child stream {@code operators}, which draws nothing
 * from the nemesis stream itself: a run that gets the swarm draws exactly the plan it drew before this choice
 * existed. A system under test that cannot change its membership ({@code --sut}) gets the swarm in every run.
 *
 * @param membershipShare the share of runs (of clusters of 3 or more nodes) with the membership script
 * @param rejoinShare the share with the rejoin script
 */
record DefaultFaults(double membershipShare, double rejoinShare) implements FaultScript {
  /** The default campaign's shares: one run in six changes membership, one in ten runs the rejoin handshake. */
  static final DefaultFaults CAMPAIGN = new DefaultFaults(1.0 / 6, 0.1);

  DefaultFaults {
    if (membershipShare < 0 || rejoinShare < 0 || membershipShare + rejoinShare > 1) {
      throw new IllegalArgumentException("shares must be non-negative and sum to at most 1: " + membershipShare
          + " + " + rejoinShare);
    }
  }

  /** Which script drives a run. */
  enum Driver { SWARM, MEMBERSHIP, REJOIN }

  @Override
  public Schedule schedule(RandomStream nemesis, ClusterConfig cluster, long safetyMillis) {
    FaultScript script = switch (pick(nemesis, cluster)) {
      case MEMBERSHIP -> MembershipFaults.script();
      case REJOIN -> RejoinFaults.script();
      case SWARM -> RandomFaults.swarm();
    };
    return script.schedule(nemesis, cluster, safetyMillis);
  }

  /** The script of this run, drawn from the {@code operators} child of {@code nemesis}. */
  Driver pick(RandomStream nemesis, ClusterConfig cluster) {
    double roll = nemesis.stream("operators").nextDouble();
    if (cluster.nodes() < 3) {
      return Driver.SWARM;
    }
    return roll < membershipShare ? Driver.MEMBERSHIP : roll < membershipShare + rejoinShare ? Driver.REJOIN
        : Driver.SWARM;
  }

  @Override
  public FaultScript withoutMembership() {
    return RandomFaults.swarm();
  }
}
