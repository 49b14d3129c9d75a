package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code vm-membership} scenario in the real simulated cluster: the VM hosts follow the Raft members. Read from
 * the recorded history: every bootstrap member's host is registered first, a node added (or brought in by a
 * replacement) gets its host registered once it joins, and a node that leaves has its host drained, its VMs migrated
 * off and the host failed, in that order; every check passes, the final-state one included.
 */
class VmMembershipScenarioTest {
  private static final long SEED = 3;

  private static RunArtifacts run(Scenario scenario, long seed) {
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, seed);
  }

  /** {@code f} on {@code host} completed ok, in history order: the index in {@code ops}, or -1. */
  private static int okIndex(List<Operation> ops, String f, String host) {
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op.type() == OpType.OK && op.f().equals(f) && host.equals(((Map<?, ?>) op.value()).get("host"))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void hostsAreRegisteredOnJoinAndDrainedEmptiedAndFailedOnLeave() {
    Scenario scripted = ScenarioCatalog.named("vm-membership").withSwarm(ClusterSwarm.NONE)
        .withSchedule(Schedule.of(List.of(
            new TimedFault(1_500, new Fault.AddNode()), // n6
            new TimedFault(2_500, new Fault.RemoveNode(1)),
            new TimedFault(3_500, new Fault.ReplaceNode(2)), // n7
            new TimedFault(4_200, new Fault.KillLeader()), new TimedFault(4_600, new Fault.HealAll()))));
    RunArtifacts run = run(scripted, SEED);
    RunResult r = run.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.checks().toString());
    assertTrue(r.checks().stream().anyMatch(c -> c.check().equals("member-hosts")), r.checks()::toString);
    List<Operation> ops = run.history().operations();
    for (int node = 1; node <= 7; node++) {
      assertTrue(okIndex(ops, "register-host", "h-" + node) >= 0, "h-" + node + " registered");
    }
    assertTrue(okIndex(ops, "register-host", "h-5") < okIndex(ops, "register-host", "h-6"),
        "the bootstrap hosts come before the added one");
    for (String gone : List.of("h-1", "h-2")) {
      int drained = okIndex(ops, "drain-host", gone);
      int failed = okIndex(ops, "fail-host", gone);
      assertTrue(drained >= 0 && failed > drained, gone + " drained, then failed");
      assertTrue(ops.get(drained).timeNanos().getAsLong() > (gone.equals("h-1") ? 2_500 : 3_500) * 1_000_000L,
          gone + " drained after its node left");
    }
    assertEquals(-1, okIndex(ops, "drain-host", "h-3"), "a member that stays is never drained");
    List<String> migratedOff = migrationsBetween(ops, okIndex(ops, "drain-host", "h-1"),
        okIndex(ops, "fail-host", "h-1"));
    assertTrue(!migratedOff.isEmpty(), "this seed has VMs on h-1 when it leaves, and they are migrated off");
  }

  /** VMs migrated (ok) between the two history indexes, with their new hosts. */
  private static List<String> migrationsBetween(List<Operation> ops, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      Operation op = ops.get(i);
      if (op.type() == OpType.OK && op.f().equals("migrate-vm")) {
        Map<?, ?> v = (Map<?, ?>) op.value();
        out.add(v.get("vm") + "->" + v.get("host"));
      }
    }
    return out;
  }

  @Test
  void theCatalogScenarioDrawsThreeFiveOrSevenNodesAndPasses() {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (long seed = 1; seed <= 5; seed++) {
      RunArtifacts run = run(ScenarioCatalog.named("vm-membership"), seed);
      RunResult r = run.result();
      assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
      sizes.add(run.scenario().cluster().nodes());
    }
    assertTrue(sizes.size() >= 2 && List.of(3, 5, 7).containsAll(sizes), "sizes drawn: " + sizes);
  }
}
