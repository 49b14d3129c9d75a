package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.fault.Schedule;
import io.tumbler.scenario.run.Expectation;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunDirectory;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay is exact and says loudly when it is not; shrink keeps the failure while removing what does not
 * matter. The failing run is real: local reads judged as if they had to be linearizable, which the
 * partitions of stale-local-reads break.
 */
class ReplayShrinkCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    CliRun r = CliRun.of(args);
    return new String[] {Integer.toString(r.exit()), r.out(), r.err()};
  }

  private Path failingRun() throws Exception {
    Scenario strict = ScenarioCatalog.named("stale-local-reads").withExpectation(Expectation.CORRECT);
    RunArtifacts run = new ScenarioRunner(true, Duration.ofSeconds(30)).run(strict, 2);
    assertEquals(java.util.List.of("linearizability"), run.result().violated(), "the strict run must fail");
    Path dir = tmp.resolve("failure");
    RunDirectory.write(dir, run, "test");
    return dir;
  }

  @Test
  void replayIsExactAndDifferencesAreLoud() throws Exception {
    Path dir = failingRun();
    String[] exact = run("replay", dir.toString());
    assertEquals("1", exact[0], exact[1] + exact[2]);
    assertTrue(exact[1].contains("REPLAY EXACT"), exact[1]);
    Schedule edited = Schedule.empty();
    Files.writeString(dir.resolve("schedule.json"), edited.toJson());
    String[] differs = run("replay", dir.toString());
    assertEquals("4", differs[0], differs[1]);
    assertTrue(differs[1].contains("REPLAY DIFFERS") && differs[1].contains("fingerprint differs"), differs[1]);
  }

  @Test
  void shrinkKeepsTheFailureWithFewerFaults() throws Exception {
    Path dir = failingRun();
    Path out = tmp.resolve("shrunk");
    String[] r = run("shrink", dir.toString(), "--out", out.toString());
    assertEquals("0", r[0], r[1] + r[2]);
    var json = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals("linearizability", json.get("violated").get(0).asText(), r[1]);
    int before = Schedule.fromJson(Files.readString(dir.resolve("schedule.json"))).faults().size();
    int after = Schedule.fromJson(Files.readString(out.resolve("schedule.json"))).faults().size();
    // Local reads on a lagging follower are stale even without faults: the shrinker finds that out.
    assertTrue(after < before, "faults " + before + " -> " + after + "\n" + r[1]);
    assertTrue(json.get("operationLimit").asInt() <= 1_500, r[1]);
    String[] replayShrunk = run("replay", out.toString());
    assertTrue(replayShrunk[1].contains("REPLAY EXACT"), replayShrunk[1]);
  }

  /** Runs a reproduce line ("./tumbler replay DIR") through the real command line. */
  private static CliRun runLine(String line) {
    assertTrue(line.startsWith("./tumbler "), line);
    return CliRun.of(line.substring("./tumbler ".length()).split(" "));
  }

  @Test
  void aShrunkRunIsReproducedByReplayingItsDirectoryNotItsSeed() throws Exception {
    Path dir = tmp.resolve("bug");
    CliRun failing = CliRun.of("run", "--scenario", "default", "--seed", "1", "--bug", "ack-before-sync", "--out", dir.toString());
    assertEquals(1, failing.exit(), failing.out() + failing.err());
    var original = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
    assertEquals("./tumbler run --scenario default --seed 1 --bug ack-before-sync", original.get("replay").asText(),
        "a run of the seed's own schedule is reproduced by its seed");

    Path shrunk = tmp.resolve("bug-shrunk");
    CliRun shrink = CliRun.of("shrink", dir.toString(), "--out", shrunk.toString());
    assertEquals(0, shrink.exit(), shrink.out() + shrink.err());
    var shrunkRun = new ObjectMapper().readTree(shrunk.resolve("run.json").toFile());
    String line = shrunkRun.get("replay").asText();
    assertEquals("./tumbler replay " + shrunk, line);
    assertTrue(!shrunkRun.get("fingerprint").asText().equals(original.get("fingerprint").asText()),
        "the shrunk run is another run, so the seed's line could not reproduce it: " + shrunkRun);

    CliRun replayed = runLine(line);
    assertEquals(1, replayed.exit(), replayed.out() + replayed.err());
    assertTrue(replayed.out().contains("REPLAY EXACT"), replayed.out());
    var rerun = new ObjectMapper().readTree(shrunk.resolve("replay").resolve("run.json").toFile());
    assertEquals(shrunkRun.get("fingerprint").asText(), rerun.get("fingerprint").asText());
    assertEquals("./tumbler replay " + shrunk.resolve("replay"), rerun.get("replay").asText(),
        "a replayed run names the directory holding its own schedule.json");
    assertTrue(replayed.out().contains("reproduce: ./tumbler replay " + shrunk.resolve("replay")), replayed.out());
  }

  @Test
  void aPathAShellWouldSplitIsQuotedInTheReproduceLine() throws Exception {
    Scenario edited = ScenarioCatalog.named("stale-local-reads").withSchedule(Schedule.empty())
        .withExpectation(Expectation.CORRECT);
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(edited, 2);
    assertEquals("./tumbler replay 'my runs/it'\\''s'", run.replayCommand(Path.of("my runs/it's")));
    assertEquals("./tumbler replay out/seed-2", run.replayCommand(Path.of("out/seed-2")));
  }

  @Test
  void notARunDirectoryIsBadInput() {
    String[] r = run("replay", tmp.toString());
    assertEquals("3", r[0]);
    assertTrue(r[2].contains("no run.json"), r[2]);
  }
}
