package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** The rows of {@code checks.json}'s {@code checks} array. */
  public static List<CheckRow> of(JsonNode checks) {
    List<CheckRow> rows = new ArrayList<>();
    for (JsonNode c : checks.path("checks")) {
      List<String> details = new ArrayList<>();
      c.path("details").forEach(d -> details.add(d.asText()));
      rows.add(new CheckRow(c.path("check").asText("?"), c.path("verdict").asText("UNKNOWN"),
          c.path("millis").asDouble(), details));
    }
    return rows;
  }

  /** Whether this check failed outright. */
  public boolean failed() {
    return "FAIL".equals(verdict) || "INVALID".equals(verdict);
  }
}
