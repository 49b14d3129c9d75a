package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schedule is checked against the cluster it is given to; every schedule the nemesis draws fits. */
class ScheduleCheckTest {

  @Test
  void aNodeTheClusterDoesNotHaveIsNamedWithTheFaultsPosition() {
    Schedule schedule = Schedule.of(List.of(new TimedFault(100, new Fault.Crash(2)), new TimedFault(700, new Fault.Crash(9)),
        new TimedFault(800, new Fault.Restart(2))));
    InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> ScheduleCheck.requireFits(schedule, 5));
    assertEquals("fault #2 (at 700 ms: crash n9): node 9 is not in the cluster (nodes 1..5)", e.getMessage());
  }

  @Test
  void everyKindOfNodeReferenceIsChecked() {
    List<Fault> misfits = List.of(new Fault.Partition(List.of(List.of(1, 2), List.of(3, 6))), new Fault.OneWay(0, 1),
        new Fault.TransferLeader(4), new Fault.Pause(4, 1_000), new Fault.ClockSkew(7, 0, 0), new Fault.Clog(-1),
        new Fault.SyncFail(4), new Fault.Wipe(5));
    for (Fault fault : misfits) {
      assertTrue(ScheduleCheck.problem(fault, 3) != null, () -> "accepted on 3 nodes: " + fault.describe());
    }
    assertEquals(null, ScheduleCheck.problem(new Fault.TransferLeader(0), 3), "0 means the leader's successor");
    assertEquals(null, ScheduleCheck.problem(new Fault.KillLeader(), 3));
  }

  @Test
  void quantitiesMustMakeSense() {
    assertTrue(ScheduleCheck.problem(new Fault.Pause(1, -5), 3).contains("negative"));
    assertTrue(ScheduleCheck.problem(new Fault.Loss(1.5), 3).contains("[0, 1]"));
    assertTrue(ScheduleCheck.problem(new Fault.Duplicate(-0.1), 3).contains("[0, 1]"));
    assertTrue(ScheduleCheck.problem(new Fault.Delay(500, 100), 3).contains("minMicros <= maxMicros"));
    assertTrue(ScheduleCheck.problem(new Fault.OneWay(2, 2), 3).contains("two different nodes"));
    assertTrue(ScheduleCheck.problem(new Fault.PauseLeader(-1), 3).contains("negative"));
  }

  @Test
  void everyProblemIsListed() {
    Schedule schedule = Schedule.of(List.of(new TimedFault(1, new Fault.Crash(4)), new TimedFault(2, new Fault.Loss(2)),
        new TimedFault(3, new Fault.HealAll())));
    assertEquals(2, ScheduleCheck.problems(schedule, 3).size());
    assertEquals("fault #1 (at 1 ms: crash n4): node 4 is not in the cluster (nodes 1..3) (and 1 more)",
        assertThrows(InvalidScheduleException.class, () -> ScheduleCheck.requireFits(schedule, 3)).getMessage());
  }

  @Test
  void everyDrawnScheduleFitsTheClusterItWasDrawnFor() {
    for (int nodes : new int[] {3, 5, 7}) {
      for (long seed = 0; seed < 100; seed++) {
        var nemesis = RandomStreams.root(seed).stream("nemesis");
        FaultPlan plan = FaultPlan.draw(nemesis, FaultPlan.kindsFor(nodes, true));
        Schedule schedule = plan.expand(nemesis, nodes, 6_000);
        assertEquals(List.of(), ScheduleCheck.problems(schedule, nodes), "seed " + seed + ", " + nodes + " nodes");
      }
    }
  }
}
