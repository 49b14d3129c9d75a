package io.tumbler.scenario.run;

import io.tumbler.runformat.ChecksRecord;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.RunRecord;
import io.tumbler.runformat.SafetyFinding;
import java.util.List;

/**
 * The run-format records of a simulated run's {@code run.json} ({@link RunRecord}) and {@code checks.json}
 * ({@link ChecksRecord}), made from its artifacts: the one place their fields are filled.
 */
public final class RunRecords {
  private RunRecords() {}

  /** {@code run.json} of {@code run}, built from {@code commit}; its replay line reruns the seed. */
  public static RunRecord of(RunArtifacts run, String commit) {
    RunResult r = run.result();
    Scenario s = run.scenario();
    return new RunRecord(RunRecord.VERSION, r.scenario(), r.seed(), r.bugs(), commit, r.fingerprint(),
        r.outcome().name(), r.violated(), run.model(), s.safetyMillis(), s.operationLimit(), s.expectation().name(),
        s.workload(), s.readMode().name(), s.sut().cliName(), RunFormatJson.mapper().valueToTree(s.cluster()),
        RunFormatJson.mapper().valueToTree(s.clientTiming()), r.events(), r.simulatedMillis(), r.wallMillis(),
        r.operations(), r.faults(), r.replayCommand(), r.notes(), r.coverage(),
        RunDirectory.faultTypes(run.appliedFaults()), null, null);
  }

  /** {@code checks.json} of {@code run}, with the files its directory could not write. */
  public static ChecksRecord checks(RunArtifacts run, List<String> writeFailures) {
    List<ChecksRecord.Check> checks = run.result().checks().stream().map(c -> new ChecksRecord.Check(c.check(),
        c.verdict().name(), Math.round(c.millis() * 1000) / 1000.0, c.details())).toList();
    List<SafetyFinding> safety = run.safetyViolations().stream().map(v -> new SafetyFinding(v.property().name(),
        v.nodes(), v.term(), v.index(), v.eventNumber(), v.detail(), v.property().rule())).toList();
    return new ChecksRecord(ChecksRecord.VERSION, checks, AppliedFaultRecords.of(run.appliedFaults()), writeFailures,
        safety);
  }
}
