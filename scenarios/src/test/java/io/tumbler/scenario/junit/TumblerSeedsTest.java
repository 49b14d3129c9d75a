package io.tumbler.scenario.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The user-facing annotation: one invocation per seed, a failing seed fails with its replay command. */
class TumblerSeedsTest {

  @TumblerSeeds(scenario = "initial-election", first = 3, last = 5)
  void initialElectionIsCorrect(RunResult run) {
    assertEquals(Outcome.PASS, run.outcome());
    assertEquals("initial-election", run.scenario());
  }

  /** Run through the JUnit engine itself, so a failure can be observed rather than failing this build. */
  static class StrictLocalReads {
    @TumblerSeeds(scenario = "stale-local-reads", first = 1, last = 1)
    void passes(RunResult run) {}
  }

  @Test
  void describeFailureCarriesTheReplayCommand() {
    RunResult failing = new RunResult("figure-8", 12, java.util.List.of(), "00000000000000ff", Outcome.VIOLATION,
        java.util.List.of("raft-safety"), java.util.List.of(), 1, 1, 1, 1, 1, java.util.List.of());
    String text = TumblerSeedsExtension.describeFailure(failing);
    assertTrue(text.contains("reproduce: ./tumbler run --scenario figure-8 --seed 12"), text);
  }

  @Test
  void aSeedRunsThroughTheJUnitEngine() {
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(StrictLocalReads.class)).execute()
        .testEvents();
    assertEquals(1, events.succeeded().count(), "stale-local-reads expects its violation, so the seed passes");
  }
}
