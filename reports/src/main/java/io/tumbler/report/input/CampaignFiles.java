package io.tumbler.report.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.runformat.CampaignResult;
import io.tumbler.runformat.CampaignSummary;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.runformat.RunDirectoryFiles;
import io.tumbler.runformat.RunFormatJson;
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
 * @param results one record per seed, as {@code tumbler fuzz} streamed it
 * @param resultDirs for each entry of {@code results}, the campaign directory it came from
 * @param summaries each directory's {@code summary.json}, or {@link CampaignSummary#absent()}
 * @param problems what was missing or unreadable, one sentence each
 */
public record CampaignFiles(
    List<Path> dirs, List<CampaignResult> results, List<Path> resultDirs, List<CampaignSummary> summaries,
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
    Map<String, CampaignResult> bySeed = new LinkedHashMap<>();
    Map<String, Path> fromDir = new LinkedHashMap<>();
    List<CampaignSummary> summaries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path dir : dirs) {
      for (CampaignResult line : records(dir, results(dir, problems), problems)) {
        String key = line.run().scenario() + " " + line.run().bugs() + " " + line.run().seed();
        if (bySeed.putIfAbsent(key, line) == null) {
          fromDir.put(key, dir);
        }
      }
      summaries.add(summary(dir, problems));
    }
    return new CampaignFiles(dirs, new ArrayList<>(bySeed.values()), new ArrayList<>(fromDir.values()),
        summaries, problems);
  }

  /** The lines as records; a line that is not one is counted in one note per directory. */
  private static List<CampaignResult> records(Path dir, List<JsonNode> lines, List<String> problems) {
    List<CampaignResult> out = new ArrayList<>();
    String first = null;
    int bad = 0;
    for (JsonNode line : lines) {
      try {
        out.add(CampaignResult.read(dir.getFileName() + "/results.jsonl", line));
      } catch (FormatVersionException | IllegalArgumentException e) {
        bad++;
        first = first == null ? e.getMessage().split("\n", 2)[0] : first;
      }
    }
    if (bad > 0) {
      problems.add(dir.getFileName() + "/results.jsonl: " + bad + " line(s) not read as a seed's result (" + first
          + ")");
    }
    return out;
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

  private static CampaignSummary summary(Path dir, List<String> problems) {
    Path file = dir.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      problems.add(dir.getFileName() + "/summary.json is missing (the campaign may have been killed); "
          + "seeds per second are unknown for it");
      return CampaignSummary.absent();
    }
    try {
      return RunDirectoryFiles.summary(dir.getFileName() + "/summary.json",
          RunFormatJson.mapper().readTree(file.toFile()));
    } catch (FormatVersionException e) {
      problems.add(e.getMessage());
      return CampaignSummary.absent();
    } catch (IOException | IllegalArgumentException e) {
      problems.add(dir.getFileName() + "/summary.json is not valid JSON of a campaign summary: "
          + e.getMessage().split("\n", 2)[0]);
      return CampaignSummary.absent();
    }
  }

  /**
   * The run directory kept for a failing seed: the recorded {@code failureDir} when it exists, else
   * {@code failures/seed-N} under the campaign directory it came from (a campaign copied as a CI artifact
   * keeps its layout but not its absolute paths), else null.
   */
  public Path failureDirOf(int resultIndex) {
    CampaignResult line = results.get(resultIndex);
    String recorded = line.failureDir() == null ? "" : line.failureDir();
    if (!recorded.isEmpty() && RunFiles.isRunDirectory(Path.of(recorded))) {
      return Path.of(recorded);
    }
    Path local = resultDirs.get(resultIndex).resolve("failures").resolve("seed-" + line.run().seed());
    return RunFiles.isRunDirectory(local) ? local : null;
  }
}
