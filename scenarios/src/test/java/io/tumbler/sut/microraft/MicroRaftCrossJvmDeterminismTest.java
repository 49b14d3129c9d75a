package io.tumbler.sut.microraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import io.tumbler.sut.SutKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sut microraft} is deterministic across JVMs: a seed run in this JVM and in a fresh one with another
 * identity-hash algorithm (so nothing in MicroRaft or the adapter may depend on identity hashes or unseeded
 * randomness) gives the same fingerprint and event count.
 */
class MicroRaftCrossJvmDeterminismTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sameSeedSameFingerprintInAFreshJvm() throws Exception {
    RunArtifacts here = new ScenarioRunner(false, Duration.ofSeconds(60))
        .run(ScenarioCatalog.named("default").withSut(SutKind.MICRORAFT), 5);
    JsonNode there = runInFreshJvm(5);
    assertEquals(here.result().fingerprint(), there.get("fingerprint").asText(), there.toString());
    assertEquals(here.result().events(), there.get("events").asLong());
    assertEquals("microraft", there.get("sut").asText(), "run.json records the system under test: " + there);
  }

  private JsonNode runInFreshJvm(long seed) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-cp", classPath, "io.tumbler.cli.Tumbler", "run",
        "--scenario", "default", "--sut", "microraft", "--seed", Long.toString(seed), "--json", "--no-trace",
        "--out", tmp.resolve("run").toString());
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    assertTrue(exit == 0 || exit == 1 || exit == 2, "child JVM failed (exit " + exit + "): " + err);
    return JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no JSON from the child JVM; stderr: " + err)));
  }
}
