package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the catalog passes on a few seeds with the real Raft (the full 0..199 sweep is a
 * campaign: {@code ./tumbler fuzz --scenario S --seeds 0..199}). A pass means every check ran and held:
 * Raft safety, VM invariants, linearizability, liveness, convergence and the scenario's own expectations.
 */
class ScenarioCatalogTest {
  static Stream<Arguments> runs() {
    return ScenarioCatalog.all().stream().flatMap(s -> Stream.of(Arguments.of(s.name(), 11L), Arguments.of(s.name(), 12L)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void scenarioPasses(String name, long seed) {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(60)).run(ScenarioCatalog.named(name), seed);
    RunResult r = run.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
    assertTrue(r.operations() > 100, "clients should have done real work: " + r);
    assertTrue(r.checks().stream().anyMatch(c -> c.check().equals("linearizability")), "the history was checked");
  }
}
