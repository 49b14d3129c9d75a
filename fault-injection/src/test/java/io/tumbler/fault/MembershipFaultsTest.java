package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStreams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The membership faults as data: JSON, schedule validation over the ids they bring in, plans that draw them. */
class MembershipFaultsTest {
  private static final Schedule GROWING = Schedule.of(List.of(new TimedFault(100, new Fault.AddNode()),
      new TimedFault(200, new Fault.ReplaceNode(2)), new TimedFault(300, new Fault.Crash(5)),
      new TimedFault(400, new Fault.RemoveNode(4)), new TimedFault(500, new Fault.Pause(4, 1_000))));

  @Test
  void roundTripThroughJsonWithStableNames() {
    String json = GROWING.toJson();
    assertTrue(json.contains("\"add-node\"") && json.contains("\"replace-node\"") && json.contains("\"remove-node\""),
        json);
    assertEquals(GROWING, Schedule.fromJson(json));
  }

  @Test
  void eachAdditionOrReplacementBringsTheNextIdIntoTheCluster() {
    assertEquals(List.of(), ScheduleCheck.problems(GROWING, 3), "n4 from the add, n5 from the replacement");
    Schedule early = Schedule.of(List.of(new TimedFault(50, new Fault.Crash(4)), new TimedFault(100, new Fault.AddNode())));
    assertEquals(List.of("fault #1 (at 50 ms: crash n4): node 4 is not in the cluster (nodes 1..3)"),
        ScheduleCheck.problems(early, 3), "n4 does not exist before the add");
    assertEquals(1, ScheduleCheck.problems(Schedule.of(List.of(new TimedFault(1, new Fault.RemoveNode(9)))), 5).size());
  }

  @Test
  void onlyPlansThatAskForThemDrawMembershipFaults() {
    for (int nodes = 1; nodes <= 7; nodes++) {
      for (FaultKind kind : FaultPlan.membershipKinds()) {
        assertFalse(FaultPlan.kindsFor(nodes, false).contains(kind), kind + " in the default swarm");
      }
    }
    FaultPlan membership = new FaultPlan(FaultPlan.membershipKinds(), 200, 300);
    Schedule s = membership.expand(RandomStreams.root(7).stream("nemesis"), 5, 3_000);
    assertFalse(s.faults().isEmpty());
    for (TimedFault f : s.faults()) {
      assertTrue(f.fault() instanceof Fault.AddNode || f.fault() instanceof Fault.RemoveNode
          || f.fault() instanceof Fault.ReplaceNode, f.toString());
    }
  }
}
