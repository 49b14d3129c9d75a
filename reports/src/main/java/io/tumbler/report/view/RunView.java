package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.report.input.RunFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run report shows, derived from a run directory's files: what ran and how to replay it, every
 * check's verdict, the history, fault windows and leaders for the timeline, linearizability counterexamples
 * and Raft safety violations with their log excerpts. Renderers only format a {@code RunView}.
 *
 * @param files the files it was made from
 * @param header what ran: scenario, seed, bugs, commit, fingerprint, outcome, replay
 * @param checks the verdict rows of {@code checks.json}
 * @param history the joined client history
 * @param faults the fault windows
 * @param leaders leadership changes
 * @param counterexamples linearizability counterexamples, the first being the one to show first
 * @param safety Raft safety violations with their log excerpts
 * @param notes what is missing or odd about the input, for the reader
 */
public record RunView(
    RunFiles files,
    RunHeader header,
    List<CheckRow> checks,
    History history,
    List<FaultWindow> faults,
    List<LeaderTerm> leaders,
    List<Counterexample> counterexamples,
    List<LogExcerpt> safety,
    List<String> notes) {

  public RunView {
    checks = List.copyOf(checks);
    faults = List.copyOf(faults);
    leaders = List.copyOf(leaders);
    counterexamples = List.copyOf(counterexamples);
    safety = List.copyOf(safety);
    notes = List.copyOf(notes);
  }

  /** Derives the view; never throws for partial input (what is missing becomes a note). */
  public static RunView of(RunFiles files) {
    History history = History.of(files.history());
    long horizon = Math.max(history.horizonNanos(), files.run().simulatedMillis() * 1_000_000);
    List<FaultWindow> faults = FaultWindows.of(files.appliedFaults(), horizon);
    List<CheckRow> checks = CheckRow.of(files.checks());
    List<Counterexample> cxs = new ArrayList<>();
    files.linearizability().counterexamplesOrNone().forEach(c -> cxs.add(Counterexample.of(c, history)));
    List<String> notes = new ArrayList<>(files.problems());
    if ("real-cluster".equals(files.run().mode())) {
      // A real cluster's servers keep no observation journal: Raft safety shows only through the client history.
      notes.remove("journal.jsonl is missing");
      notes.add("real-cluster run: the servers keep no Raft observation journal, so Raft safety is judged through "
          + "the client history (linearizability) only; each server's log is under nodes/");
    }
    List<LogExcerpt> safety = safety(files, checks, notes);
    notes.addAll(files.run().notes());
    return new RunView(files, RunHeader.of(files), checks, history, faults, LeaderTerm.of(files.journal()), cxs,
        safety, notes);
  }

  /**
   * The logs around each safety violation {@code checks.json} records as data. A file written before findings were
   * recorded as data has only the raft-safety check's lines: they stay text, and a note says so.
   */
  private static List<LogExcerpt> safety(RunFiles files, List<CheckRow> checks, List<String> notes) {
    List<LogExcerpt> out = new ArrayList<>();
    for (io.tumbler.runformat.SafetyFinding f : files.checks().safetyViolations()) {
      out.add(LogExcerpt.of(f, files.journal()));
    }
    boolean failed = checks.stream().anyMatch(c -> c.check().equals("raft-safety") && c.verdict().equals("FAIL"));
    if (out.isEmpty() && failed && files.checks().version() < 3) {
      notes.add("checks.json (version " + files.checks().version() + ") records its raft-safety findings only as "
          + "text: the logs around them are not drawn");
    }
    return out;
  }

  /** The verdict of the run in one word: PASS, VIOLATION, LIVENESS, ERROR, or UNKNOWN when run.json is missing. */
  public String outcome() {
    return header.outcome();
  }
}
