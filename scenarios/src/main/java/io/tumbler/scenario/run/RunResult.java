package io.tumbler.scenario.run;

import java.util.List;

/**
 * Everything a run reports: what ran (scenario, seed, bug flags), its fingerprint, its outcome, each
 * check's verdict, and how big and fast it was. {@code fingerprint} is the simulation's rolling trace hash
 * as 16 hex digits; the same seed and code always give the same one.
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
    List<String> notes) {

  public RunResult {
    bugs = List.copyOf(bugs);
    violated = List.copyOf(violated);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  /** The command that reproduces this run. */
  public String replayCommand() {
    String bugFlags = bugs.isEmpty() ? "" : " --bug " + String.join(",", bugs);
    return "./tumbler run --scenario " + scenario + " --seed " + seed + bugFlags;
  }

  /** Simulated seconds per wall-clock second. */
  public double acceleration() {
    return wallMillis == 0 ? 0 : (double) simulatedMillis / wallMillis;
  }
}
