package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.StateMachine;
import io.tumbler.scenario.cluster.NodeStateMachines;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.testing.DelegatingStateMachine;
import io.tumbler.vm.VmStateMachine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state digest a snapshot records when it is taken is checked when a node installs it, in the real simulated
 * cluster: node 3 is down while the others compact their logs, so it can only catch up from a leader's snapshot.
 * When every other node's images are wrong while their state is right (a state machine whose {@code snapshot()}
 * hands out the image of its initial, empty state — sealed, so the transport digest is right), node 3 refuses every one
 * (SnapshotRejected, never SnapshotInstalled) and no safety check fails; with correct images it installs one.
 */
class SnapshotDigestCheckTest {
  private static final int LAGGING = 3;

  /** Images of the initial, empty state, on every node but {@link #LAGGING}: a broken snapshot path. */
  private record StaleImages() implements NodeStateMachines {
    @Override
    public StateMachine forNode(int nodeId, VmStateMachine vm) {
      if (nodeId == LAGGING) {
        return vm;
      }
      byte[] empty = vm.snapshot();
      return new DelegatingStateMachine(vm) {
        @Override
        public byte[] snapshot() {
          return empty.clone();
        }
      };
    }

    @Override
    public String describe() {
      return "snapshot images of the empty state, but on node " + LAGGING;
    }
  }

  /**
   * Buggify off: its early snapshots would go to followers only a little behind too, whose own (wrapped) state
   * machines break the image-equals-state contract the refusal relies on to put their state back.
   */
  private static Scenario laggingNodeCatchesUpBySnapshot() {
    Scenario base = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withSwarm(ClusterSwarm.NONE);
    RunShape shape = base.shape();
    return base.withShape(new RunShape(shape.cluster().withBuggify(false), shape.workload(), shape.readMode(),
        shape.clientTiming())).withSchedule(Schedule.of(List.of(
        new TimedFault(200, new Fault.Crash(LAGGING)), new TimedFault(4_000, new Fault.Restart(LAGGING)))));
  }

  private static RunArtifacts run(Scenario scenario) {
    return new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, 7);
  }

  @Test
  void aSnapshotWhoseImageIsNotTheRecordedStateIsRefusedAndChangesNothing() {
    RunArtifacts torn = run(laggingNodeCatchesUpBySnapshot().withStateMachines(new StaleImages()));
    List<Observation.SnapshotRejected> rejected = torn.journal().stream().map(JournalEntry::payload)
        .filter(Observation.SnapshotRejected.class::isInstance).map(Observation.SnapshotRejected.class::cast).toList();
    assertTrue(rejected.stream().anyMatch(r -> r.node() == LAGGING), "node " + LAGGING + " must refuse the images");
    for (Observation.SnapshotRejected r : rejected) { // a follower a little behind may be sent one too (buggify)
      assertNotEquals(r.expected(), r.actual(), r.toString());
    }
    assertTrue(torn.journal().stream().map(JournalEntry::payload).noneMatch(e -> e instanceof Observation.SnapshotInstalled s
        && s.node() == LAGGING), "a refused snapshot is never installed");
    long firstRejection = torn.journal().stream().filter(e -> e.payload() instanceof Observation.SnapshotRejected
        && e.node() == LAGGING).findFirst().orElseThrow().timeNanos();
    assertTrue(torn.journal().stream().noneMatch(e -> e.node() == LAGGING && e.timeNanos() >= firstRejection
        && (e.payload() instanceof Observation.Applied || e.payload() instanceof Observation.LogReplacedBySnapshot)),
        "after refusing, node " + LAGGING + " applies nothing and keeps its log");
    for (String check : List.of("raft-safety", "linearizability", "vm-invariants")) {
      CheckReport c = torn.result().checks().stream().filter(x -> x.check().equals(check)).findFirst().orElseThrow();
      assertNotEquals(CheckReport.Verdict.FAIL, c.verdict(), c.toString());
    }

    RunArtifacts correct = run(laggingNodeCatchesUpBySnapshot());
    assertEquals(Outcome.PASS, correct.result().outcome(), () -> correct.result().checks().toString());
    assertTrue(correct.journal().stream().map(JournalEntry::payload).anyMatch(e -> e instanceof Observation.SnapshotInstalled s
        && s.node() == LAGGING), "with true images node " + LAGGING + " catches up from a snapshot");
    assertTrue(correct.journal().stream().map(JournalEntry::payload).noneMatch(Observation.SnapshotRejected.class::isInstance));
  }
}
