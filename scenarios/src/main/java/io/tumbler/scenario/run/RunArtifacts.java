package io.tumbler.scenario.run;

import io.tumbler.fault.Schedule;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.history.History;
import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.check.SafetyViolation;
import java.util.List;

/**
 * What a run leaves behind besides its {@link RunResult}: the history, the journal, the schedule as
 * drawn, the faults as applied, the checker's full result and the kernel trace text (when kept). The
 * run directory is written from this.
 */
public record RunArtifacts(
    Scenario scenario,
    RunResult result,
    Schedule schedule,
    History history,
    String model,
    List<JournalEvent> journal,
    List<ScenarioCheck.AppliedFault> appliedFaults,
    List<SafetyViolation> safetyViolations,
    CheckResult linearizability,
    List<String> traceLines) {}
