package io.tumbler.report.view;

import io.tumbler.runformat.ChecksRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One check's verdict as {@code checks.json} records it.
 *
 * @param check its name (raft-safety, vm-invariants, linearizability, liveness, convergence, scenario-N)
 * @param verdict PASS, FAIL or UNKNOWN (as written)
 * @param millis how long it took, wall-clock
 * @param details one line per finding
 */
public record CheckRow(String check, String verdict, double millis, List<String> details) {
  public CheckRow {
    details = List.copyOf(details);
  }

  /** The rows of {@code checks.json}'s checks. */
  public static List<CheckRow> of(ChecksRecord checks) {
    List<CheckRow> rows = new ArrayList<>();
    for (ChecksRecord.Check c : checks.checks()) {
      rows.add(new CheckRow(c.check(), c.verdict(), c.millis(), c.details()));
    }
    return rows;
  }

  /** Whether this check failed outright. */
  public boolean failed() {
    return "FAIL".equals(verdict) || "INVALID".equals(verdict);
  }
}
