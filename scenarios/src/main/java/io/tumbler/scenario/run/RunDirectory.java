package io.tumbler.scenario.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.journal.JournalFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run directory (DESIGN.md "Formats"): {@code run.json} (what ran, its fingerprint, outcome and
 * timings), {@code checks.json} (every check's verdict and details), {@code schedule.json} (the faults,
 * replayable), {@code history.jsonl} (the client history, Jepsen field names), {@code journal.jsonl}
 * (the Raft observation journal), {@code linearizability.json} (the checker's verdict per partition and
 * any counterexample) and {@code trace.jsonl} (the simulator's event trace, when kept).
 *
 * <p>Each file is written to a temporary name and moved into place, so a killed process never leaves a
 * half-written file under a real name. A failing writer never loses the verdict (see {@link #write}).
 */
public final class RunDirectory {
  /** Format version of run.json and checks.json (run-format's {@code RunRecord} and {@code ChecksRecord}). */
  public static final int FORMAT_VERSION = io.tumbler.runformat.RunRecord.VERSION;

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunDirectory() {}

  /**
   * Writes every file of the run directory; returns what could not be written (empty when all went well). A
   * writer that fails (an I/O error, a bug in a writer) loses only its own file: the failure is recorded in
   * {@code checks.json} ({@code writeFailures}) and in {@code run.json}'s notes, and the verdict files are still
   * written. {@code run.json} is written last, so its presence means every other writer has had its turn.
   *
   * @throws IOException when the directory, {@code checks.json} or {@code run.json} cannot be written
   */
  public static List<String> write(Path dir, RunArtifacts run, String commit) throws IOException {
    Files.createDirectories(dir);
    List<String> failures = new ArrayList<>();
    writeOrRecord(failures, dir.resolve("schedule.json"), out -> out.write(run.schedule().toJson()));
    writeOrRecord(failures, dir.resolve("history.jsonl"),
        out -> JsonlHistoryWriter.write(run.history(), JsonlHeader.forModel(run.model()), out));
    writeOrRecord(failures, dir.resolve("journal.jsonl"), out -> writeJournal(out, run.journal()));
    if (!run.traceLines().isEmpty()) {
      writeOrRecord(failures, dir.resolve("trace.jsonl"), out -> writeLines(out, run.traceLines()));
    }
    writeOrRecord(failures, dir.resolve("linearizability.json"),
        out -> out.write(JSON.writeValueAsString(LinearizabilityFile.toJson(run.model(), run.linearizability()))));
    writeAtomically(dir.resolve("checks.json"), out -> out.write(JSON.writeValueAsString(checksJson(run, failures))));
    writeAtomically(dir.resolve("run.json"),
        out -> out.write(JSON.writeValueAsString(runJson(run, commit, dir, failures))));
    return List.copyOf(failures);
  }

  /** Writes one file; a failure is recorded in {@code failures} (and its temporary file removed) instead of thrown. */
  static void writeOrRecord(List<String> failures, Path target, Body body) {
    try {
      writeAtomically(target, body);
    } catch (IOException | RuntimeException e) {
      failures.add("could not write " + target.getFileName() + ": " + e);
      try {
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".tmp"));
      } catch (IOException ignored) {
        // The failure is already recorded; a stray .tmp file is never read.
      }
    }
  }

  /**
   * The {@code run.json} object of {@code dir}, whose reproduce line replays {@code dir} when the seed alone does not
   * rerun the run, with {@code writeFailures} appended to its notes.
   */
  static ObjectNode runJson(RunArtifacts run, String commit, Path dir, List<String> writeFailures) {
    return JSON.valueToTree(RunRecords.of(run, commit).withReplay(run.replayCommand(dir), writeFailures));
  }

  /** The {@code run.json} object (a run-format {@link io.tumbler.runformat.RunRecord}), also a campaign results line. */
  public static ObjectNode runJson(RunArtifacts run, String commit) {
    return JSON.valueToTree(RunRecords.of(run, commit));
  }

  /** How many times each fault kind (its schedule name) was applied with effect, heals included, sorted by name. */
  static java.util.SortedMap<String, Long> faultTypes(List<io.tumbler.fault.AppliedFault> applied) {
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    for (io.tumbler.fault.AppliedFault f : applied) {
      if (f.done()) {
        out.merge(f.type(), 1L, Long::sum);
      }
    }
    return out;
  }

  private static io.tumbler.runformat.ChecksRecord checksJson(RunArtifacts run, List<String> writeFailures) {
    return RunRecords.checks(run, writeFailures);
  }

  private static void writeJournal(Writer out, List<JournalEntry> journal) throws IOException {
    for (JournalEntry e : journal) {
      JournalFile.write(out, e);
    }
  }

  private static void writeLines(Writer out, List<String> lines) throws IOException {
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
  }

  interface Body {
    void write(Writer out) throws IOException;
  }

  static void writeAtomically(Path target, Body body) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.write(out);
    }
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
