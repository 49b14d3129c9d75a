package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStreams;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Swarm plans fitted to the drawn cluster: sizes from 1 to 7 nodes, lease-safe clocks, triggered faults. */
class FaultKindsForClusterTest {
  @Test
  void smallClustersGetNoFaultThatNeedsMoreNodes() {
    List<FaultKind> one = FaultPlan.kindsFor(1, false);
    for (FaultKind k : List.of(FaultKind.PARTITION_HALVES, FaultKind.ONE_WAY, FaultKind.PARTITION_BRIDGE,
        FaultKind.PARTITION_MAJORITY_RING, FaultKind.LEADER_PARTITION, FaultKind.LEADER_CASCADE,
        FaultKind.TRANSFER_LEADER)) {
      assertFalse(one.contains(k), k + " on one node");
    }
    assertTrue(one.contains(FaultKind.CRASH) && one.contains(FaultKind.TRIGGERED));
    assertFalse(FaultPlan.kindsFor(2, false).contains(FaultKind.PARTITION_BRIDGE));
    assertFalse(FaultPlan.kindsFor(3, false).contains(FaultKind.PARTITION_MAJORITY_RING));
    EnumSet<FaultKind> swarm = EnumSet.allOf(FaultKind.class);
    swarm.removeAll(FaultPlan.membershipKinds());
    assertEquals(swarm, EnumSet.copyOf(FaultPlan.kindsFor(4, false)), "every kind but the membership ones");
  }

  @Test
  void leaseSafeClocksNeverJumpAndDriftWithinTheBound() {
    List<FaultKind> lease = FaultPlan.kindsFor(5, true);
    assertFalse(lease.contains(FaultKind.CLOCK_JUMP) || lease.contains(FaultKind.CLOCK_STROBE));
    long bound = 30_000;
    for (long seed = 0; seed < 300; seed++) {
      var nemesis = RandomStreams.root(seed).stream("nemesis");
      Schedule s = FaultPlan.draw(nemesis, lease).expand(nemesis, 5, 6_000, bound);
      for (TimedFault f : s.faults()) {
        assertFalse(f.fault() instanceof Fault.ClockJump, "seed " + seed + ": " + f);
        long drift = f.fault() instanceof Fault.ClockSkew k ? k.driftPpm()
            : f.fault() instanceof Fault.ClockDrift d ? d.driftPpm()
            : f.fault() instanceof Fault.LeaderClockDrift d ? d.driftPpm() : 0;
        assertTrue(Math.abs(drift) <= bound, "seed " + seed + ": drift beyond the bound: " + f);
      }
    }
  }

  @Test
  void everyKindOnEverySizeStaysInsideTheSafetyPhase() {
    for (int nodes = 1; nodes <= 7; nodes++) {
      for (FaultKind kind : FaultPlan.kindsFor(nodes, false)) {
        FaultPlan only = new FaultPlan(List.of(kind), 300, 400);
        for (long seed = 0; seed < 20; seed++) {
          Schedule s = only.expand(RandomStreams.root(seed).stream("nemesis"), nodes, 2_000);
          for (TimedFault f : s.faults()) {
            assertTrue(f.atMillis() < 2_000, kind + " on " + nodes + " nodes, seed " + seed + ": " + f);
            assertTargetsExist(f.fault(), nodes, kind);
          }
        }
      }
    }
  }

  private static void assertTargetsExist(Fault f, int nodes, FaultKind kind) {
    int node = f instanceof Fault.Crash c ? c.node() : f instanceof Fault.Restart r ? r.node()
        : f instanceof Fault.OneWay o ? Math.max(o.from(), o.to()) : f instanceof Fault.ClockDrift d ? d.node()
        : f instanceof Fault.TransferLeader t ? Math.max(1, t.to()) : 1;
    assertTrue(node >= 1 && node <= nodes, kind + " names n" + node + " on " + nodes + " nodes: " + f);
    if (f instanceof Fault.OneWay o) {
      assertTrue(o.from() != o.to(), kind + ": a link to itself: " + f);
    }
  }

  @Test
  void triggeredFaultsDrawEveryStepAndReactionAcrossSeeds() {
    Set<ProtocolStep> steps = EnumSet.noneOf(ProtocolStep.class);
    Set<StepReaction> reactions = EnumSet.noneOf(StepReaction.class);
    FaultPlan triggered = new FaultPlan(List.of(FaultKind.TRIGGERED), 200, 400);
    for (long seed = 0; seed < 100; seed++) {
      for (TimedFault f : triggered.expand(RandomStreams.root(seed).stream("nemesis"), 5, 6_000).faults()) {
        Fault.OnStep on = (Fault.OnStep) f.fault();
        steps.add(on.step());
        reactions.add(on.reaction());
        assertTrue(on.windowMillis() >= 1 && on.holdMillis() >= 1 && on.times() >= 1, on.describe());
      }
    }
    assertEquals(EnumSet.allOf(ProtocolStep.class), steps);
    assertEquals(EnumSet.allOf(StepReaction.class), reactions);
  }

  @Test
  void aTriggerRefusesNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> new Fault.OnStep(ProtocolStep.LEADER_ELECTED, StepTarget.LEADER, StepReaction.PAUSE, 0, 0, 1, 10));
    assertThrows(IllegalArgumentException.class,
        () -> new Fault.OnStep(null, StepTarget.LEADER, StepReaction.PAUSE, 0, 5, 1, 10));
  }
}
