package io.tumbler.scenario.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.fault.Schedule;
import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.run.Expectation;
import io.tumbler.scenario.run.RunShape;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run directory read back: what ran ({@code run.json}: scenario, seed, bug flags, phase length, operation limit)
 * and the exact fault schedule ({@code schedule.json}, possibly edited by hand), with what it produced
 * (fingerprint, violated checks), so it can be replayed or shrunk.
 */
public record RecordedRun(
    Path dir,
    String scenarioName,
    long seed,
    String fingerprint,
    List<String> violated,
    long safetyMillis,
    int operationLimit,
    Expectation expectation,
    Schedule schedule,
    KnownBugs bugs,
    String workload,
    ReadMode readMode,
    RunShape shape,
    io.tumbler.sut.SutKind sut) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a run directory; a missing or malformed file raises {@link IllegalArgumentException} naming it. */
  public static RecordedRun load(Path dir) {
    JsonNode run = readJson(dir.resolve("run.json"));
    if ("real-cluster".equals(run.path("mode").asText())) {
      throw new IllegalArgumentException(dir + " is a real-cluster run (run.json mode real-cluster): real processes "
          + "cannot be replayed or shrunk; run the same faults and operations again with: " + run.path("replay").asText());
    }
    Path schedulePath = dir.resolve("schedule.json");
    Schedule schedule;
    try {
      schedule = Schedule.fromJson(Files.readString(schedulePath));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + schedulePath + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(schedulePath + ": " + e.getMessage(), e);
    }
    List<String> violated = new ArrayList<>();
    run.path("violated").forEach(v -> violated.add(v.asText()));
    List<String> bugNames = new ArrayList<>();
    run.path("bugs").forEach(b -> bugNames.add(b.asText()));
    KnownBugs bugs;
    try {
      bugs = KnownBugs.parseAll(bugNames);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(dir.resolve("run.json") + ": field 'bugs': " + e.getMessage(), e);
    }
    return new RecordedRun(dir, require(run, "scenario", dir).asText(), require(run, "seed", dir).asLong(),
        run.path("fingerprint").asText(), violated, run.path("safetyMillis").asLong(0),
        run.path("operationLimit").asInt(-1), Expectation.valueOf(run.path("expectation").asText("CORRECT")), schedule,
        bugs, run.hasNonNull("workload") ? run.get("workload").asText() : null,
        ReadMode.valueOf(run.path("readMode").asText("LINEARIZABLE")), shapeOf(run, dir), sutOf(run, dir));
  }

  /** The system under test recorded in run.json ({@code sut}); Tumbler's Raft for a run recorded before the field. */
  private static io.tumbler.sut.SutKind sutOf(JsonNode run, Path dir) {
    try {
      return io.tumbler.sut.SutKind.parse(run.path("sut").asText("tumbler"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(dir.resolve("run.json") + ": field 'sut': " + e.getMessage(), e);
    }
  }

  /** The deployment recorded in run.json ({@code cluster}, {@code clientTiming}), or null for an older run. */
  private static RunShape shapeOf(JsonNode run, Path dir) {
    if (!run.hasNonNull("cluster") || !run.hasNonNull("clientTiming") || !run.hasNonNull("workload")) {
      return null;
    }
    try {
      return new RunShape(JSON.treeToValue(run.get("cluster"), ClusterConfig.class), run.get("workload").asText(),
          ReadMode.valueOf(run.path("readMode").asText("LINEARIZABLE")),
          JSON.treeToValue(run.get("clientTiming"), ClientConfig.class));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(dir.resolve("run.json") + ": fields 'cluster'/'clientTiming': "
          + e.getMessage(), e);
    }
  }

  private static JsonNode require(JsonNode node, String field, Path dir) {
    if (!node.hasNonNull(field)) {
      throw new IllegalArgumentException(dir.resolve("run.json") + ": missing field '" + field + "'");
    }
    return node.get(field);
  }

  private static JsonNode readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + file.getFileName() + " in " + file.getParent()
          + " (expected a run directory written by 'tumbler run' or 'tumbler fuzz')");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The same recorded run, to be run on {@code kind}'s Raft (a replay or shrink with {@code --sut}). */
  public RecordedRun onSut(io.tumbler.sut.SutKind kind) {
    return new RecordedRun(dir, scenarioName, seed, fingerprint, violated, safetyMillis, operationLimit, expectation,
        schedule, bugs, workload, readMode, shape, kind);
  }

  /** The scenario as it ran: the catalog's, with this run's schedule, bugs, phase length and operation limit. */
  public Scenario scenario() {
    Scenario s = ScenarioCatalog.named(scenarioName).withSchedule(schedule).withExpectation(expectation)
        .withBugs(bugs).withSut(sut);
    if (safetyMillis > 0) {
      s = s.withSafetyMillis(safetyMillis);
    }
    if (operationLimit >= 0) {
      s = s.withOperationLimit(operationLimit);
    }
    if (shape != null) {
      return s.withShape(shape);
    }
    return workload == null ? s : s.withWorkload(workload, readMode);
  }
}
