package io.tumbler.realcluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.raft.runtime.ServerStatus;
import io.tumbler.runformat.ChecksRecord;
import io.tumbler.runformat.RealClusterRun;
import io.tumbler.runformat.RunRecord;
import io.tumbler.scenario.run.AppliedFaultRecords;
import io.tumbler.scenario.run.LinearizabilityFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Writes a real-cluster run directory in the simulation's formats, so {@code tumbler report} and {@code tumbler
 * check} read it as they read any run: {@code history.jsonl} (same fields; {@code time} is wall-clock ns since the
 * workload started), {@code linearizability.json}, {@code checks.json} (verdicts and the faults as applied),
 * {@code schedule.json} (the faults as drawn and as applied, with wall times), {@code metrics.jsonl} (written
 * during the run by the {@link MetricsScraper}) and {@code run.json}, a run-format {@link RunRecord} whose
 * {@code mode} is {@code "real-cluster"} and whose {@link RealClusterRun} holds the nodes, their ports and processes.
 * {@code run.json} and {@code checks.json} are written through their run-format records, as a simulated run's are. The servers' own
 * logs and data directories are already under {@code nodes/nX/}. {@code run.json} is written last.
 */
public final class ClusterRunDirectory {
    /** Format version of schedule.json (run.json and checks.json carry their records' versions). */
    public static final int FORMAT_VERSION = 1;
    /** The value of run.json's {@code mode}. */
    public static final String MODE = RunRecord.REAL_CLUSTER;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterRunDirectory() {}

    /** Writes every file of {@code result}'s run directory ({@code result.options().out()}). */
    public static void write(ClusterResult result, String commit) throws IOException {
        Path dir = result.options().out();
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("history.jsonl"),
                out -> JsonlHistoryWriter.write(result.history(), JsonlHeader.forModel(result.model()), out));
        writeJson(dir.resolve("linearizability.json"), LinearizabilityFile.toJson(result.model(), result.linearizability()));
        writeJson(dir.resolve("schedule.json"), scheduleJson(result));
        writeJson(dir.resolve("checks.json"), JSON.valueToTree(checksRecord(result)));
        writeJson(dir.resolve("run.json"), JSON.valueToTree(runRecord(result, commit)));
    }

    /** run.json: the run-format {@link RunRecord} with the real cluster's own facts ({@link RealClusterRun}). */
    static RunRecord runRecord(ClusterResult r, String commit) {
        ClusterOptions o = r.options();
        return new RunRecord(RunRecord.VERSION, MODE, o.seed(), o.bugs(), commit,
                "none (real processes: a rerun draws the same faults and operations, not the same run)",
                r.outcome().name(), r.violated(), r.model(), 0, o.maxRequests(), null, o.workload(), "LINEARIZABLE",
                null, null, null, 0, 0, r.wallMillis(), r.history().operations().size(), r.schedule().faults().size(),
                o.rerunCommand(), r.notes(), null, null, MODE, facts(r));
    }

    private static RealClusterRun facts(ClusterResult r) {
        ClusterOptions o = r.options();
        TreeMap<String, SortedMap<String, Integer>> ports = new TreeMap<>();
        ports.put("clients", byNode(r, ServerSummary::clientPort));
        ports.put("metrics", byNode(r, ServerSummary::metricsPort));
        ports.put("proxies", new TreeMap<>(r.proxyPorts()));
        return new RealClusterRun(o.nodes(), o.clients(), o.durationMillis(), o.quietMillis(), o.maxRequests(),
                o.nemesis().stream().map(NemesisKind::flag).toList(), r.retries(), r.healNanos() / 1_000_000, ports,
                r.servers().stream().map(ClusterRunDirectory::server).toList());
    }

    private static SortedMap<String, Integer> byNode(ClusterResult r, ToIntFunction<ServerSummary> port) {
        TreeMap<String, Integer> out = new TreeMap<>();
        r.servers().forEach(s -> out.put("n" + s.id(), port.applyAsInt(s)));
        return out;
    }

    private static RealClusterRun.Server server(ServerSummary s) {
        ServerStatus st = s.finalStatus();
        RealClusterRun.FinalStatus status = st == null ? null : new RealClusterRun.FinalStatus(st.role().name(),
                st.term(), st.leaderId(), st.commitIndex(), st.appliedIndex(), st.haltReason());
        return new RealClusterRun.Server(s.id(), s.clientPort(), s.log(), s.command(), s.unexpectedExits(), status);
    }

    /** checks.json: the run-format {@link ChecksRecord}, the faults with the nodes they hit. */
    static ChecksRecord checksRecord(ClusterResult r) {
        List<ChecksRecord.Check> checks = r.checks().stream().map(c -> new ChecksRecord.Check(c.check(),
                c.verdict().name(), Math.round(c.millis() * 1000) / 1000.0, c.details())).toList();
        return new ChecksRecord(ChecksRecord.VERSION, checks, AppliedFaultRecords.of(r.applied()), List.of(),
                List.of());
    }

    private static ObjectNode scheduleJson(ClusterResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", FORMAT_VERSION);
        o.put("mode", MODE);
        o.put("seed", r.options().seed());
        o.put("faultWindowMillis", r.options().faultWindowMillis());
        ArrayNode planned = o.putArray("planned");
        for (NemesisSchedule.Step s : r.schedule().faults()) {
            ObjectNode step = planned.addObject();
            step.put("atMillis", s.atMillis());
            step.put("forMillis", s.forMillis());
            step.put("fault", s.fault().label());
            step.put("heal", s.fault().healLabel());
        }
        o.set("applied", JSON.valueToTree(AppliedFaultRecords.of(r.applied())));
        return o;
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void writeJson(Path target, ObjectNode node) throws IOException {
        writeAtomically(target, out -> out.write(JSON.writeValueAsString(node)));
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
