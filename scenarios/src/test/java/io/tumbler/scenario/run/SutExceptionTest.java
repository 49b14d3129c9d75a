package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.testing.ThrowingStateMachines;
import io.tumbler.sim.kernel.SimulationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exception escaping the system under test is the verdict of the {@code sut-exception} check — a
 * correctness violation naming the exception, the node, the simulated time and the event — and never a
 * harness error; an exception with no frame in the system under test still is one.
 */
class SutExceptionTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static CheckReport check(RunResult r, String name) {
    return r.checks().stream().filter(c -> c.check().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anExceptionFromTheStateMachineIsAViolationOfItsOwnCheck() {
    Scenario s = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withStateMachines(new ThrowingStateMachines(20, 1, false));
    RunResult r = new ScenarioRunner(false, LIMIT).run(s, 1).result();
    assertEquals(Outcome.VIOLATION, r.outcome(), r.checks().toString());
    assertEquals(1, r.outcome().exitCode());
    assertEquals(List.of("sut-exception"), r.violated(), r.checks().toString());
    List<String> details = check(r, "sut-exception").details();
    assertTrue(details.get(0).matches("n[1-5] threw java\\.lang\\.IllegalArgumentException: no host fits: .* at "
        + "t=\\d+\\.\\d{9}s \\(event \\d+\\)"), details.toString());
    assertTrue(details.get(1).startsWith("thrown at io.tumbler.scenario.testing.ThrowingStateMachines"), details.toString());
    assertTrue(details.get(2).startsWith("in the system under test at io.tumbler.raft."), details.toString());
    assertEquals(CheckReport.Verdict.SKIPPED, check(r, "liveness").verdict());
    assertEquals(CheckReport.Verdict.SKIPPED, check(r, "convergence").verdict());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("test seam:")), r.notes().toString());
    RunResult again = new ScenarioRunner(true, LIMIT).run(s, 1).result();
    assertEquals(r.fingerprint(), again.fingerprint(), "the failing run is deterministic, trace kept or not");
    assertEquals(r.checks().get(0), again.checks().get(0));
  }

  @Test
  void anExceptionThrownInsideTheVmPackageNamesItsOwnFrame() {
    Scenario s = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withStateMachines(new ThrowingStateMachines(15, 1, true));
    RunResult r = new ScenarioRunner(false, LIMIT).run(s, 2).result();
    assertEquals(List.of("sut-exception"), r.violated(), r.checks().toString());
    List<String> details = check(r, "sut-exception").details();
    assertTrue(details.get(1).startsWith("thrown at io.tumbler.vm."), details.toString());
    assertEquals(2, details.size(), "thrown inside the system under test: no second frame to name");
  }

  @Test
  void aCorrectRunPassesTheCheck() {
    RunResult r = new ScenarioRunner(false, LIMIT).run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), 1).result();
    assertEquals(CheckReport.Verdict.PASS, check(r, "sut-exception").verdict());
    assertEquals("sut-exception", r.checks().get(0).check(), "listed first, so shrink targets it when it fails");
  }

  @Test
  void whatCountsAsTheSystemUnderTest() {
    assertTrue(SutException.inSut(new StackTraceElement("io.tumbler.vm.PlacementPolicy", "place", "P.java", 1)));
    assertTrue(SutException.inSut(new StackTraceElement("io.tumbler.raft.node.RaftNode", "apply", "R.java", 1)));
    assertTrue(SutException.inSut(new StackTraceElement("io.tumbler.raft.RaftCore", "step", "R.java", 1)));
    assertTrue(!SutException.inSut(new StackTraceElement("io.tumbler.raft.runtime.TcpTransport", "send", "T.java", 1)));
    assertTrue(!SutException.inSut(new StackTraceElement("io.tumbler.scenario.cluster.TumblerNode", "start", "N.java", 1)));
    assertTrue(!SutException.inSut(new StackTraceElement("io.tumbler.raftish.Other", "x", "O.java", 1)));
  }

  @Test
  void aSutFrameDeeperInTheStackOrInACauseCountsAndNoSutFrameIsAHarnessError() {
    RuntimeException jdkOnTop = new IndexOutOfBoundsException("index 3");
    jdkOnTop.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 427),
        new StackTraceElement("io.tumbler.vm.PlacementPolicy", "place", "PlacementPolicy.java", 40)});
    SutException deep = SutException.of(new SimulationFailure(7, 1_500_000_000L, "event x", jdkOnTop, 12, 2),
        p -> "n" + (p + 1));
    assertNotNull(deep);
    assertEquals("n3", deep.process());
    assertEquals(12, deep.eventNumber());
    assertEquals("n3 threw java.lang.IndexOutOfBoundsException: index 3 at t=1.500000000s (event 12)",
        deep.details().get(0));
    assertEquals("in the system under test at io.tumbler.vm.PlacementPolicy.place(PlacementPolicy.java:40)",
        deep.details().get(2));

    RuntimeException wrapped = new RuntimeException("harness wrapper", jdkOnTop);
    wrapped.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.tumbler.scenario.X", "y", "X.java", 1)});
    assertNotNull(SutException.of(new SimulationFailure(7, 0, "event x", wrapped, 1, -1), p -> "?"));

    RuntimeException harness = new IllegalStateException("harness bug");
    harness.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.tumbler.scenario.X", "y", "X.java", 1)});
    assertNull(SutException.of(new SimulationFailure(7, 0, "event x", harness, 1, -1), p -> "?"));
  }

  @Test
  void aHarnessExceptionInsideTheSimulationStillPropagates() {
    Scenario base = ScenarioCatalog.named(ScenarioCatalog.DEFAULT);
    io.tumbler.scenario.cluster.NodeStateMachines brokenSeam = new io.tumbler.scenario.cluster.NodeStateMachines() {
      @Override
      public io.tumbler.raft.node.StateMachine forNode(int nodeId, io.tumbler.vm.VmStateMachine vm) {
        throw new IllegalStateException("the harness cannot build node " + nodeId);
      }

      @Override
      public String describe() {
        return "broken";
      }
    };
    assertThrows(IllegalStateException.class,
        () -> new ScenarioRunner(false, LIMIT).run(base.withStateMachines(brokenSeam), 1));
  }
}
