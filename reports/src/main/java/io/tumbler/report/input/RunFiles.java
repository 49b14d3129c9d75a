package io.tumbler.report.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.ChecksRecord;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.runformat.HistoryEvent;
import io.tumbler.runformat.JournalFormat;
import io.tumbler.runformat.JournalLine;
import io.tumbler.runformat.LinearizabilityRecord;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.RunDirectoryFiles;
import io.tumbler.runformat.RunRecord;
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
 * <p>{@code run.json}, {@code checks.json} and {@code linearizability.json} are read as their run-format records
 * ({@link RunRecord}, {@link ChecksRecord}, {@link LinearizabilityRecord}); a file of a version this code does not read is reported in one line naming the file and
 * the versions, and read as absent.
 *
 * @param dir the run directory
 * @param run {@code run.json}, or {@link RunRecord#absent()}
 * @param checks {@code checks.json}, or an empty record
 * @param schedule {@code schedule.json}
 * @param linearizability {@code linearizability.json}, or {@link LinearizabilityRecord#absent()}
 * @param history the operation events of {@code history.jsonl}, as run-format records (its header line dropped)
 * @param journal the events of {@code journal.jsonl}, one per line (a line without the fields of its event is kept
 *     with its envelope, so event numbers still count lines)
 * @param hasTrace whether {@code trace.jsonl} exists
 * @param problems what was missing or unreadable, one sentence each
 */
public record RunFiles(
    Path dir,
    RunRecord run,
    ChecksRecord checks,
    JsonNode schedule,
    LinearizabilityRecord linearizability,
    List<HistoryEvent> history,
    List<JournalLine> journal,
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

  /** The faults applied during the run ({@code checks.json} {@code appliedFaults}). */
  public List<AppliedFault> appliedFaults() {
    return checks.appliedFaults();
  }

  /** Whether {@code dir} holds at least one run file. */
  public static boolean isRunDirectory(Path dir) {
    return Files.isDirectory(dir) && FILE_NAMES.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
  }

  /** Reads whatever of the run directory exists; never throws for a missing or malformed file. */
  public static RunFiles read(Path dir) {
    List<String> problems = new ArrayList<>();
    JsonNode runObject = object(dir, "run.json", problems);
    RunRecord run = record("run.json", runObject, RunDirectoryFiles::run, RunRecord.absent(), "a run", problems);
    ChecksRecord checks = record("checks.json", object(dir, "checks.json", problems), RunDirectoryFiles::checks,
        new ChecksRecord(0, List.of(), List.of(), List.of(), List.of()), "a run's checks", problems);
    JsonNode schedule = object(dir, "schedule.json", problems);
    LinearizabilityRecord lin = record("linearizability.json", object(dir, "linearizability.json", problems),
        RunDirectoryFiles::linearizability, LinearizabilityRecord.absent(), "a check's verdict", problems);
    List<HistoryEvent> history = events(withoutHeader(lines(dir, "history.jsonl", problems)), problems);
    List<JournalLine> journal = currentJournal(lines(dir, "journal.jsonl", problems), problems);
    boolean trace = Files.isRegularFile(dir.resolve("trace.jsonl"));
    return new RunFiles(dir, run, checks, schedule, lin, history, journal, trace, problems);
  }

  /** How run-format reads one file's object as its record ({@link RunDirectoryFiles}). */
  @FunctionalInterface
  private interface RecordReader<T> {
    T read(String file, JsonNode object) throws FormatVersionException;
  }

  /**
   * {@code file}'s object as its record, or {@code absent} when the file is missing, of a version this code does not
   * read, or without the fields of {@code what} (one line in {@code problems} for the last two).
   */
  private static <T> T record(String file, JsonNode object, RecordReader<T> reader, T absent, String what,
      List<String> problems) {
    if (object.isMissingNode()) {
      return absent;
    }
    try {
      return reader.read(file, object);
    } catch (FormatVersionException e) {
      problems.add(e.getMessage());
    } catch (IllegalArgumentException e) {
      problems.add(file + " does not have the fields of " + what + " (" + firstLine(e) + ")");
    }
    return absent;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The journal's lines when they are of the version this code reads; else none, and one line saying why. */
  private static List<JournalLine> currentJournal(List<JsonNode> lines, List<String> problems) {
    if (!lines.isEmpty() && JournalFormat.versionOf(lines.get(0)) != JournalFormat.VERSION) {
      problems.add(new FormatVersionException("journal.jsonl", JournalFormat.versionOf(lines.get(0)),
          JournalFormat.VERSION).getMessage());
      return List.of();
    }
    List<JournalLine> out = new ArrayList<>(lines.size());
    String firstBad = null;
    int bad = 0;
    for (int i = 0; i < lines.size(); i++) {
      try {
        out.add(JournalLine.of(lines.get(i)));
      } catch (IllegalArgumentException e) {
        bad++;
        firstBad = firstBad == null ? "event #" + i + ": " + firstLine(e) : firstBad;
        out.add(JournalLine.envelopeOf(lines.get(i)));
      }
    }
    if (bad > 0) {
      problems.add("journal.jsonl: " + bad + " event(s) without the fields of their kind, shown without them ("
          + firstBad + ")");
    }
    return out;
  }

  /** The history lines as records; a line whose fields have the wrong shape is left out and counted once. */
  private static List<HistoryEvent> events(List<JsonNode> lines, List<String> problems) {
    List<HistoryEvent> out = new ArrayList<>(lines.size());
    int bad = 0;
    for (JsonNode line : lines) {
      try {
        out.add(RunFormatJson.mapper().treeToValue(line, HistoryEvent.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        bad++;
      }
    }
    if (bad > 0) {
      problems.add("history.jsonl: " + bad + " line(s) without the fields of an operation event, left out");
    }
    return out;
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
