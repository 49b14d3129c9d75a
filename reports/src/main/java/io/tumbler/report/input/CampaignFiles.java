package io.tumbler.report.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One or more campaign directories (shards of one campaign, or campaigns of several scenarios) merged:
 * every per-seed line of their {@code results.jsonl}, each (scenario, bug flags, seed) once, in the order
 * first seen, plus each directory's {@code summary.json} for its wall time.
 *
 * @param dirs the campaign directories, in the order given
 * @param results one JSON object per seed, as {@code tumbler fuzz} streamed it
 * @param resultDirs for each entry of {@code results}, the campaign directory it came from
 * @param summaries each directory's {@code summary.json}, or a missing node
 * @param problems what was missing or unreadable, one sentence each
 */
public record CampaignFiles(
    List<Path> dirs, List<JsonNode> results, List<Path> resultDirs, List<JsonNode> summaries,
    List<String> problems) {

  public CampaignFiles {
    dirs = List.copyOf(dirs);
    results = List.copyOf(results);
    resultDirs = List.copyOf(resultDirs);
    summaries = List.copyOf(summaries);
    problems = List.copyOf(problems);
  }

  /** Whether {@code dir} is a campaign directory: it has {@code results.jsonl} or {@code summary.json}. */
  public static boolean isCampaignDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve("results.jsonl")) || Files.isRegularFile(dir.resolve("summary.json"));
  }

  /** Reads and merges the campaign directories; never throws for a missing or malformed file. */
  public static CampaignFiles read(List<Path> dirs) {
    Map<String, JsonNode> bySeed = new LinkedHashMap<>();
    Map<String, Path> fromDir = new LinkedHashMap<>();
    List<JsonNode> summaries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path dir : dirs) {
      for (JsonNode line : results(dir, problems)) {
        String key = line.path("scenario").asText() + " " + line.path("bugs") + " " + line.path("seed").asLong();
        if (bySeed.putIfAbsent(key, line) == null) {
          fromDir.put(key, dir);
        }
      }
      summaries.add(summary(dir, problems));
    }
    return new CampaignFiles(dirs, new ArrayList<>(bySeed.values()), new ArrayList<>(fromDir.values()),
        summaries, problems);
  }

  private static List<JsonNode> results(Path dir, List<String> problems) {
    Path file = dir.resolve("results.jsonl");
    if (!Files.isRegularFile(file)) {
      problems.add(dir.getFileName() + "/results.jsonl is missing: no per-seed results from this directory");
      return List.of();
    }
    try {
      JsonLines read = JsonLines.read(file);
      if (!read.problem("results.jsonl").isEmpty()) {
        problems.add(dir.getFileName() + "/" + read.problem("results.jsonl"));
      }
      return read.objects();
    } catch (IOException e) {
      problems.add(dir.getFileName() + "/results.jsonl cannot be read: " + e.getMessage());
      return List.of();
    }
  }

  private static JsonNode summary(Path dir, List<String> problems) {
    Path file = dir.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      problems.add(dir.getFileName() + "/summary.json is missing (the campaign may have been killed); "
          + "seeds per second are unknown for it");
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return JsonLines.JSON.readTree(file.toFile());
    } catch (IOException e) {
      problems.add(dir.getFileName() + "/summary.json is not valid JSON: " + e.getMessage());
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  /**
   * The run directory kept for a failing seed: the recorded {@code failureDir} when it exists, else
   * {@code failures/seed-N} under the campaign directory it came from (a campaign copied as a CI artifact
   * keeps its layout but not its absolute paths), else null.
   */
  public Path failureDirOf(int resultIndex) {
    JsonNode line = results.get(resultIndex);
    String recorded = line.path("failureDir").asText("");
    if (!recorded.isEmpty() && RunFiles.isRunDirectory(Path.of(recorded))) {
      return Path.of(recorded);
    }
    Path local = resultDirs.get(resultIndex).resolve("failures").resolve("seed-" + line.path("seed").asLong());
    return RunFiles.isRunDirectory(local) ? local : null;
  }
}
