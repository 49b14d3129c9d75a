package io.tumbler.scenario.run;

import java.util.Objects;

/**
 * One check of a finished run, as a value: the name it reports under (checks.json, run.json's {@code violated}),
 * its priority among the run's checks (lower is judged and listed first; equal priorities keep the order they were
 * contributed in), and how it judges a {@link FinishedRun}. A run's checks are the list the harness, the scenario and
 * the workload contribute ({@link RunChecks#of}), merged by priority, so a new check is one registration.
 */
record RunCheck(String name, int priority, Judge judge) {
  /**
   * How a check judges a finished run: exactly one report, named as the check. A check that cannot judge the run
   * (it stopped early, nothing to check) says {@code SKIPPED}, never {@code PASS}.
   */
  @FunctionalInterface
  interface Judge {
    CheckReport judge(FinishedRun run);
  }

  RunCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(judge, "judge");
  }

  /** This check's report on {@code run}; a report under another name is a harness bug. */
  CheckReport judged(FinishedRun run) {
    CheckReport report = judge.judge(run);
    if (report == null || !report.check().equals(name)) {
      throw new IllegalStateException("check " + name + " reported as " + (report == null ? null : report.check()));
    }
    return report;
  }
}
