package io.tumbler.realcluster;

import io.tumbler.fault.AppliedFault;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.history.History;
import io.tumbler.scenario.run.CheckReport;
import java.util.List;
import java.util.Map;

/**
 * What a real-cluster run produced: its verdicts and everything the run directory is written from.
 *
 * @param options what ran
 * @param outcome the overall verdict
 * @param checks every check's verdict (linearizability, liveness, node-processes)
 * @param history the client history (time: ns since the workload started)
 * @param model the linearizability model
 * @param linearizability the checker's full result
 * @param schedule the faults as drawn
 * @param applied the faults and heals as applied, with wall times
 * @param servers the server processes
 * @param proxyPorts each peer link's proxy port, as {@code "from->to"}
 * @param healNanos when the final heal happened (ns since the workload started)
 * @param wallMillis how long the whole run took, start-up and checking included
 * @param retries attempts beyond the first of every operation
 * @param notes what a reader should know
 */
public record ClusterResult(ClusterOptions options, ClusterOutcome outcome, List<CheckReport> checks, History history,
        String model, CheckResult linearizability, NemesisSchedule schedule, List<AppliedFault> applied,
        List<ServerSummary> servers, Map<String, Integer> proxyPorts, long healNanos, long wallMillis, long retries,
        List<String> notes) {
    public ClusterResult {
        checks = List.copyOf(checks);
        applied = List.copyOf(applied);
        servers = List.copyOf(servers);
        proxyPorts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(proxyPorts));
        notes = List.copyOf(notes);
    }

    /** The checks that failed, by name. */
    public List<String> violated() {
        return checks.stream().filter(CheckReport::failed).map(CheckReport::check).toList();
    }
}
