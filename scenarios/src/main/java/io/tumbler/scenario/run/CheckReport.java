package io.tumbler.scenario.run;

import java.util.List;

/**
 * The verdict of one named check of a run ({@code raft-safety}, {@code vm-invariants},
 * {@code linearizability}, {@code liveness}, or a scenario's own expectation), with the details a report
 * shows: what failed, where, and how long the check took.
 */
public record CheckReport(String check, Verdict verdict, List<String> details, double millis) {
  /** A check's verdict. */
  public enum Verdict {
    PASS,
    FAIL,
    UNKNOWN,
    SKIPPED
  }

  public CheckReport {
    details = List.copyOf(details);
  }

  public static CheckReport pass(String check, double millis, String... details) {
    return new CheckReport(check, Verdict.PASS, List.of(details), millis);
  }

  public boolean failed() {
    return verdict == Verdict.FAIL;
  }
}
