package io.tumbler.cli;

import io.tumbler.runformat.FormatVersionException;
import io.tumbler.scenario.check.RaftSafetyChecker;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.journal.JournalFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumbler check-journal}: the online Raft safety checker, run offline over a saved journal. */
@Command(name = "check-journal", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Checks a saved Raft observation journal for the safety properties.",
    "Re-runs the Raft safety checks (Election Safety, Leader Append-Only, Log Matching, Leader Completeness,",
    "State Machine Safety, one vote per term, monotonic commit, acknowledged writes durable, equal digests)",
    "over a saved journal.jsonl, or the journal of a run directory.",
    "Exit: 0 no violation, 1 violations, 3 bad input (no journal, not a journal, or no event in it)."})
final class JournalCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "A journal.jsonl file or a run directory holding one.")
  Path path;

  @Override
  public Integer call() throws IOException {
    Path file = Files.isDirectory(path) ? path.resolve("journal.jsonl") : path;
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no journal at " + file + " (expected a journal.jsonl or a run directory)");
    }
    List<JournalEntry> events;
    try {
      events = JournalFile.read(file);
    } catch (IllegalArgumentException | FormatVersionException e) {
      throw new BadInputException(e.getMessage(), e); // one line: the file, and what is wrong with it
    }
    if (events.isEmpty()) {
      // No event means no property was checked: never "0 violations".
      throw new BadInputException(file + ": expected journal events (one JSON object per line, such as "
          + "{\"version\":2,\"event\":\"Voted\",\"timeNanos\":...}), found none; nothing to check");
    }
    RaftSafetyChecker checker = new RaftSafetyChecker();
    events.forEach(checker::observe);
    List<SafetyViolation> violations = checker.finish();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: %d journal events, %d violations%n", file, events.size(), violations.size());
    violations.forEach(v -> out.println("  " + v.describe()));
    out.flush();
    return violations.isEmpty() ? ExitCode.PASS : ExitCode.VIOLATION;
  }
}
