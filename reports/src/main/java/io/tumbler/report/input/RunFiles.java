package io.tumbler.report.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one recorded run directory, as read from disk (DESIGN.md "Formats"). Every file is
 * optional: a missing or unreadable one becomes a {@link MissingNode} (or an empty list) plus a sentence
 * in {@link #problems()}, so a partial directory still yields a report of what exists.
 *
 * <p>{@code trace.jsonl} is never loaded (it can be tens of megabytes); only its presence is noted.
 *
 * @param dir the run directory
 * @param run {@code run.json}
 * @param checks {@code checks.json}
 * @param schedule {@code schedule.json}
 * @param linearizability {@code linearizability.json}
 * @param history the lines of {@code history.jsonl}
 * @param journal the lines of {@code journal.jsonl}
 * @param hasTrace whether {@code trace.jsonl} exists
 * @param problems what was missing or unreadable, one sentence each
 */
public record RunFiles(
    Path dir,
    JsonNode run,
    JsonNode checks,
    JsonNode schedule,
    JsonNode linearizability,
    List<JsonNode> history,
    List<JsonNode> journal,
    boolean hasTrace,
    List<String> problems) {

  /** The files a complete run directory has; any one of them marks a directory as a run. */
  public static final List<String> FILE_NAMES = List.of(
      "run.json", "checks.json", "schedule.json", "history.jsonl", "journal.jsonl", "linearizability.json");

  public RunFiles {
    history = List.copyOf(history);
    journal = List.copyOf(journal);
    problems = List.copyOf(problems);
  }

  /**
   * The faults applied during the run ({@code checks.json} {@code appliedFaults}) as run-format records; empty when
   * there are none or they do not have that shape.
   */
  public List<AppliedFault> appliedFaults() {
    JsonNode applied = checks.get("appliedFaults");
    if (applied == null || !applied.isArray()) {
      return List.of();
    }
    try {
      return List.of(RunFormatJson.mapper().convertValue(applied, AppliedFault[].class));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** Whether {@code dir} holds at least one run file. */
  public static boolean isRunDirectory(Path dir) {
    return Files.isDirectory(dir) && FILE_NAMES.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
  }

  /** Reads whatever of the run directory exists; never throws for a missing or malformed file. */
  public static RunFiles read(Path dir) {
    List<String> problems = new ArrayList<>();
    JsonNode run = object(dir, "run.json", problems);
    JsonNode checks = object(dir, "checks.json", problems);
    JsonNode schedule = object(dir, "schedule.json", problems);
    JsonNode lin = object(dir, "linearizability.json", problems);
    List<JsonNode> history = withoutHeader(lines(dir, "history.jsonl", problems));
    List<JsonNode> journal = lines(dir, "journal.jsonl", problems);
    boolean trace = Files.isRegularFile(dir.resolve("trace.jsonl"));
    return new RunFiles(dir, run, checks, schedule, lin, history, journal, trace, problems);
  }

  /** Drops the versioned header line of history.jsonl ({@code {"tumbler-history":1,...}}), if there is one. */
  private static List<JsonNode> withoutHeader(List<JsonNode> lines) {
    if (!lines.isEmpty() && lines.get(0).has("tumbler-history")) {
      return lines.subList(1, lines.size());
    }
    return lines;
  }

  private static JsonNode object(Path dir, String name, List<String> problems) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      problems.add(name + " is missing");
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JsonLines.JSON.readTree(file.toFile());
      if (node != null && node.isObject()) {
        return node;
      }
      problems.add(name + " is not a JSON object");
    } catch (JsonProcessingException e) {
      problems.add(name + " is not valid JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + "); it was probably cut short");
    } catch (IOException e) {
      problems.add(name + " cannot be read: " + e.getMessage());
    }
    return MissingNode.getInstance();
  }

  private static List<JsonNode> lines(Path dir, String name, List<String> problems) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      problems.add(name + " is missing");
      return List.of();
    }
    try {
      JsonLines read = JsonLines.read(file);
      if (!read.problem(name).isEmpty()) {
        problems.add(read.problem(name));
      }
      return read.objects();
    } catch (IOException e) {
      problems.add(name + " cannot be read: " + e.getMessage());
      return List.of();
    }
  }
}
