package io.tumbler.realcluster;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.UnknownCause;
import io.tumbler.scenario.run.CheckReport;
import java.util.ArrayList;
import java.util.List;

/** The verdicts of a real-cluster run, each a {@link CheckReport} as a simulated run's are. */
final class ClusterChecks {
    private ClusterChecks() {}

    static CheckReport linearizability(CheckResult lin) {
        double millis = lin.stats().elapsedMillis();
        if (lin instanceof CheckResult.Valid) {
            return CheckReport.pass("linearizability", millis);
        }
        if (lin instanceof CheckResult.Invalid invalid) {
            return new CheckReport("linearizability", CheckReport.Verdict.FAIL,
                    List.of("cannot linearize " + invalid.counterexample().op()), millis);
        }
        CheckResult.Unknown unknown = (CheckResult.Unknown) lin;
        if (unknown.cause() == UnknownCause.NOTHING_CHECKED) {
            return new CheckReport("linearizability", CheckReport.Verdict.SKIPPED,
                    List.of("no client operation to check"), millis);
        }
        return new CheckReport("linearizability", CheckReport.Verdict.UNKNOWN,
                List.of(unknown.cause() + ": " + unknown.detail()), millis);
    }

    /** Liveness after the final heal: some operation completed ok after it (and a leader emerged at start). */
    static CheckReport liveness(int firstLeader, long healNanos, long lastOkNanos) {
        List<String> problems = new ArrayList<>();
        if (firstLeader == 0) {
            problems.add("no node became leader at start");
        }
        if (lastOkNanos <= healNanos) {
            problems.add("no operation completed ok after the final heal at " + healNanos / 1_000_000 + " ms");
        }
        return problems.isEmpty()
                ? CheckReport.pass("liveness", 0, "an operation completed ok " + (lastOkNanos - healNanos) / 1_000_000
                        + " ms after the final heal (the latest one)")
                : new CheckReport("liveness", CheckReport.Verdict.FAIL, problems, 0);
    }

    /** Every server process ended only when the harness ended it (a fail-stop halt is a finding). */
    static CheckReport processes(List<ServerSummary> servers) {
        List<String> problems = new ArrayList<>();
        for (ServerSummary s : servers) {
            for (int exit : s.unexpectedExits()) {
                problems.add("n" + s.id() + " exited on its own with status " + exit + " (see " + s.log() + ")");
            }
        }
        return problems.isEmpty() ? CheckReport.pass("node-processes", 0)
                : new CheckReport("node-processes", CheckReport.Verdict.FAIL, problems, 0);
    }

    /** The run's outcome from its checks: a failed liveness check is LIVENESS, any other failure a VIOLATION. */
    static ClusterOutcome outcome(List<CheckReport> checks) {
        ClusterOutcome outcome = ClusterOutcome.PASS;
        for (CheckReport c : checks) {
            if (c.failed()) {
                outcome = outcome.worse(c.check().equals("liveness") ? ClusterOutcome.LIVENESS : ClusterOutcome.VIOLATION);
            } else if (c.verdict() == CheckReport.Verdict.UNKNOWN) {
                outcome = outcome.worse(ClusterOutcome.UNKNOWN);
            }
        }
        return outcome;
    }
}
