package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioSmokeTest {
  @Test
  void initialElectionPasses() {
    RunArtifacts a = new ScenarioRunner(false, Duration.ofSeconds(10)).run(ScenarioCatalog.named("initial-election"), 1);
    System.out.println(a.result());
    assertEquals(Outcome.PASS, a.result().outcome(), a.result().toString());
  }
}
