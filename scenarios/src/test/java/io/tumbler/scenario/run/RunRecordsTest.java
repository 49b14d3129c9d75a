package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.runformat.ChecksRecord;
import io.tumbler.runformat.RunDirectoryFiles;
import io.tumbler.runformat.RunRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json and checks.json round trip: what scenarios' writer puts in a real run's directory is what the run-format
 * records read back, field for field.
 */
class RunRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void runAndChecksAreWrittenAsRecordsAndReadBackEqual() throws Exception {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), 2);
    List<String> failures = RunDirectory.write(dir, run, "abc123");
    assertEquals(List.of(), failures);

    RunRecord read = RunDirectoryFiles.run("run.json", JSON.readTree(dir.resolve("run.json").toFile()));
    assertEquals(asRead(RunRecords.of(run, "abc123").withReplay(run.replayCommand(dir), List.of()), RunRecord.class),
        read);
    assertEquals(RunRecord.VERSION, read.version());
    assertEquals(run.result().fingerprint(), read.fingerprint());
    assertFalse(read.faultTypes().isEmpty(), "the default scenario applies faults");

    ChecksRecord checks = RunDirectoryFiles.checks("checks.json", JSON.readTree(dir.resolve("checks.json").toFile()));
    assertEquals(asRead(RunRecords.checks(run, List.of()), ChecksRecord.class), checks);
    assertEquals(run.result().checks().size(), checks.checks().size());
  }

  @Test
  void safetyViolationsAreWrittenAsDataOneForEachRaftSafetyLine() throws Exception {
    Scenario buggy = ScenarioCatalog.named("figure-8-hunt")
        .withBugs(io.tumbler.raft.KnownBugs.of(io.tumbler.raft.KnownBug.FIGURE_8_COMMIT));
    RunArtifacts run = new ScenarioRunner(true, Duration.ofSeconds(30)).run(buggy, 1);
    assertEquals(List.of(), RunDirectory.write(dir, run, "abc123"));
    ChecksRecord checks = RunDirectoryFiles.checks("checks.json", JSON.readTree(dir.resolve("checks.json").toFile()));
    assertEquals(ChecksRecord.VERSION, checks.version());
    List<String> lines = checks.checks().stream().filter(c -> c.check().equals("raft-safety")).findFirst()
        .orElseThrow().details();
    assertFalse(checks.safetyViolations().isEmpty(), "the bug broke a safety property");
    assertEquals(run.safetyViolations().size(), checks.safetyViolations().size());
    for (int i = 0; i < checks.safetyViolations().size(); i++) {
      io.tumbler.runformat.SafetyFinding f = checks.safetyViolations().get(i);
      assertEquals(f.property() + " nodes=" + f.nodes() + " term=" + f.term() + " index=" + f.index()
          + " at journal event #" + f.eventNumber() + ": " + f.detail(), lines.get(i), "the data says what the line says");
    }
  }

  /**
   * {@code record} through JSON text and back: a nested tree (the cluster config) holds the numbers as a parser
   * makes them (int where it fits), not as the writer had them (long), and tree equality counts the difference.
   */
  private static <T> T asRead(T record, Class<T> type) throws Exception {
    return io.tumbler.runformat.RunFormatJson.mapper().readValue(JSON.writeValueAsString(record), type);
  }

  @Test
  void aCampaignResultsLineIsARunRecordWithoutItsVersion() throws Exception {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), 2);
    var line = RunDirectory.runJson(run, "abc123");
    line.remove("version");
    line.put("failureDir", "/somewhere");
    RunRecord read = RunDirectoryFiles.run("results.jsonl", line);
    assertEquals(run.result().seed(), read.seed());
    assertEquals(0, read.version(), "a results line carries no version; it reads as the current fields");
  }
}
