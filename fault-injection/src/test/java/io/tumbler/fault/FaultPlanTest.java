package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStreams;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static Schedule scheduleFor(long seed) {
    var nemesis = RandomStreams.root(seed).stream("nemesis");
    FaultPlan plan = FaultPlan.draw(nemesis, FaultPlan.allKinds());
    return plan.expand(nemesis, 5, 6_000);
  }

  @Test
  void aPlanAndItsScheduleArePureFunctionsOfTheSeed() {
    assertEquals(scheduleFor(42), scheduleFor(42));
    assertNotEquals(scheduleFor(42), scheduleFor(43));
    assertEquals(scheduleFor(42), Schedule.fromJson(scheduleFor(42).toJson()), "the schedule round-trips as JSON");
  }

  @Test
  void swarmPlansVaryWhichKindsAreOnAndCoverEveryKindAcrossSeeds() {
    Set<FaultKind> seen = EnumSet.noneOf(FaultKind.class);
    Set<Integer> sizes = new java.util.TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      FaultPlan plan = FaultPlan.draw(RandomStreams.root(seed).stream("nemesis"), FaultPlan.allKinds());
      assertFalse(plan.kinds().isEmpty());
      seen.addAll(plan.kinds());
      sizes.add(plan.kinds().size());
    }
    assertEquals(EnumSet.allOf(FaultKind.class), seen);
    assertTrue(sizes.size() > 5, "plans should differ in how many kinds are on: " + sizes);
  }

  @Test
  void schedulesStayInsideTheSafetyPhaseAndHealWhatTheyBreak() {
    for (long seed = 0; seed < 100; seed++) {
      Schedule s = scheduleFor(seed);
      long partitions = 0;
      long heals = 0;
      for (TimedFault f : s.faults()) {
        assertTrue(f.atMillis() < 6_000, "fault after the safety phase: " + f);
        if (f.fault() instanceof Fault.Partition || f.fault() instanceof Fault.OneWay || f.fault() instanceof Fault.Loss) {
          partitions++;
        }
        if (f.fault() instanceof Fault.HealNetwork) {
          heals++;
        }
      }
      assertTrue(partitions == 0 || heals > 0, "network faults without a heal in seed " + seed);
    }
  }

  @Test
  void majorityRingLeavesEachNodeOnlyItsNeighbours() {
    FaultPlan ring = new FaultPlan(java.util.List.of(FaultKind.PARTITION_MAJORITY_RING), 5_000, 500);
    Schedule s = ring.expand(RandomStreams.root(1).stream("nemesis"), 5, 6_000);
    long blocks = s.faults().stream().filter(f -> f.fault() instanceof Fault.OneWay).count();
    assertEquals(0, blocks % 10, "5 nodes, each blocked from its 2 non-neighbours, both directions: 10 per ring");
    assertTrue(blocks >= 10, s.toJson());
  }
}
