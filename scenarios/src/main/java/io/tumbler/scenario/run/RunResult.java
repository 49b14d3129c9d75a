package io.tumbler.scenario.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a run reports: what ran (scenario, seed, bug flags), its fingerprint, its outcome, each
 * check's verdict, and how big and fast it was. {@code fingerprint} is the simulation's rolling trace hash
 * as 16 hex digits; the same seed and code always give the same one. {@code coverage} names every path the run
 * counted (see {@code io.tumbler.scenario.coverage.CoveragePath}) with its hits, sorted by name, zeros included;
 * empty for a result that was not counted.
 */
public record RunResult(
    String scenario,
    long seed,
    List<String> bugs,
    String fingerprint,
    Outcome outcome,
    List<String> violated,
    List<CheckReport> checks,
    long events,
    long simulatedMillis,
    long wallMillis,
    int operations,
    int faults,
    List<String> notes,
    List<String> flags,
    SortedMap<String, Long> coverage) {

  public RunResult {
    bugs = List.copyOf(bugs);
    violated = List.copyOf(violated);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    flags = List.copyOf(flags);
    coverage = Collections.unmodifiableSortedMap(new TreeMap<>(coverage));
  }

  /** A result without coverage counters. */
  public RunResult(String scenario, long seed, List<String> bugs, String fingerprint, Outcome outcome,
      List<String> violated, List<CheckReport> checks, long events, long simulatedMillis, long wallMillis,
      int operations, int faults, List<String> notes, List<String> flags) {
    this(scenario, seed, bugs, fingerprint, outcome, violated, checks, events, simulatedMillis, wallMillis, operations,
        faults, notes, flags, new TreeMap<>());
  }

  /** This result with {@code counters} as its coverage. */
  public RunResult withCoverage(Map<String, Long> counters) {
    return new RunResult(scenario, seed, bugs, fingerprint, outcome, violated, checks, events, simulatedMillis,
        wallMillis, operations, faults, notes, flags, new TreeMap<>(counters));
  }

  /** A result for a run of the catalog's scenario as is (no workload or read-mode flags). */
  public RunResult(String scenario, long seed, List<String> bugs, String fingerprint, Outcome outcome,
      List<String> violated, List<CheckReport> checks, long events, long simulatedMillis, long wallMillis,
      int operations, int faults, List<String> notes) {
    this(scenario, seed, bugs, fingerprint, outcome, violated, checks, events, simulatedMillis, wallMillis, operations,
        faults, notes, List.of());
  }

  /**
   * The command that reruns this seed of the catalog's scenario. It reproduces the run only when the run's schedule
   * is the seed's own draw; for a run directory use {@link RunArtifacts#replayCommand(java.nio.file.Path)}, which
   * says {@code tumbler replay DIR} for a shrunk, replayed or edited run.
   */
  public String replayCommand() {
    String bugFlags = bugs.isEmpty() ? "" : " --bug " + String.join(",", bugs);
    String extra = flags.isEmpty() ? "" : " " + String.join(" ", flags);
    return "./tumbler run --scenario " + scenario + " --seed " + seed + extra + bugFlags;
  }

  /** Simulated seconds per wall-clock second. */
  public double acceleration() {
    return wallMillis == 0 ? 0 : (double) simulatedMillis / wallMillis;
  }
}
