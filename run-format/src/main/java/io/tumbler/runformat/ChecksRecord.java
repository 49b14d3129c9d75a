package io.tumbler.runformat;

import java.util.List;

/**
 * A run's {@code checks.json}: every check's verdict and details, the faults applied (as data), and the files the run
 * directory's writers could not write. Version 1 files read as this record (their applied faults without
 * {@code spec} and {@code nodes}).
 *
 * @param version the format version; {@link #VERSION} when written by this code
 * @param checks the checks, in the order the run judged them
 * @param appliedFaults the faults applied, in order
 * @param writeFailures one line per run-directory file that could not be written
 * @param safetyViolations the Raft safety violations the raft-safety check's details describe, as data (absent
 *     from files written before it was added: their findings are only the detail lines)
 */
public record ChecksRecord(int version, List<Check> checks, List<AppliedFault> appliedFaults,
    List<String> writeFailures, List<SafetyFinding> safetyViolations) {
  /** The version this code writes (3: safety violations as data); it reads every version up to it. */
  public static final int VERSION = 3;

  public ChecksRecord {
    checks = checks == null ? List.of() : List.copyOf(checks);
    appliedFaults = appliedFaults == null ? List.of() : List.copyOf(appliedFaults);
    writeFailures = writeFailures == null ? List.of() : List.copyOf(writeFailures);
    safetyViolations = safetyViolations == null ? List.of() : List.copyOf(safetyViolations);
  }

  /**
   * One check's verdict.
   *
   * @param check its name (raft-safety, vm-invariants, linearizability, liveness, convergence, scenario-N)
   * @param verdict PASS, FAIL or UNKNOWN
   * @param millis how long it took, wall-clock
   * @param details one line per finding
   */
  public record Check(String check, String verdict, double millis, List<String> details) {
    public Check {
      check = check == null ? "?" : check;
      verdict = verdict == null ? "UNKNOWN" : verdict;
      details = details == null ? List.of() : List.copyOf(details);
    }
  }
}
