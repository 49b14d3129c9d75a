package io.tumbler.realcluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.fault.AppliedFault;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.raft.runtime.ServerStatus;
import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.LinearizabilityFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a real-cluster run directory in the simulation's formats, so {@code tumbler report} and {@code tumbler
 * check} read it as they read any run: {@code history.jsonl} (same fields; {@code time} is wall-clock ns since the
 * workload started), {@code linearizability.json}, {@code checks.json} (verdicts and the faults as applied),
 * {@code schedule.json} (the faults as drawn and as applied, with wall times), {@code metrics.jsonl} (written
 * during the run by the {@link MetricsScraper}) and {@code run.json}, whose
 * {@code mode} is {@code "real-cluster"} and which adds the nodes, their ports and processes. The servers' own
 * logs and data directories are already under {@code nodes/nX/}. {@code run.json} is written last.
 */
public final class ClusterRunDirectory {
    /** Format version of run.json, checks.json and schedule.json, as for simulated runs. */
    public static final int FORMAT_VERSION = 1;
    /** The value of run.json's {@code mode}. */
    public static final String MODE = "real-cluster";

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
        writeJson(dir.resolve("checks.json"), checksJson(result));
        writeJson(dir.resolve("run.json"), runJson(result, commit));
    }

    static ObjectNode runJson(ClusterResult r, String commit) {
        ClusterOptions o = r.options();
        ObjectNode run = JSON.createObjectNode();
        run.put("version", FORMAT_VERSION);
        run.put("mode", MODE);
        run.put("scenario", MODE);
        run.put("seed", o.seed());
        run.set("bugs", JSON.valueToTree(o.bugs()));
        run.put("commit", commit);
        run.put("fingerprint", "none (real processes: a rerun draws the same faults and operations, not the same run)");
        run.put("outcome", r.outcome().name());
        run.set("violated", JSON.valueToTree(r.violated()));
        run.put("model", r.model());
        run.put("workload", o.workload());
        run.put("readMode", "LINEARIZABLE");
        run.put("nodes", o.nodes());
        run.put("clients", o.clients());
        run.put("durationMillis", o.durationMillis());
        run.put("quietMillis", o.quietMillis());
        run.put("maxRequests", o.maxRequests());
        run.set("nemesis", JSON.valueToTree(o.nemesis().stream().map(NemesisKind::flag).toList()));
        run.put("wallMillis", r.wallMillis());
        run.put("operations", r.history().operations().size());
        run.put("faults", r.schedule().faults().size());
        run.put("retries", r.retries());
        run.put("healMillis", r.healNanos() / 1_000_000);
        run.set("ports", portsJson(r));
        run.set("servers", serversJson(r));
        run.put("replay", o.rerunCommand());
        run.set("notes", JSON.valueToTree(r.notes()));
        return run;
    }

    private static ObjectNode portsJson(ClusterResult r) {
        ObjectNode ports = JSON.createObjectNode();
        ObjectNode clients = ports.putObject("clients");
        r.servers().forEach(s -> clients.put("n" + s.id(), s.clientPort()));
        ObjectNode metrics = ports.putObject("metrics");
        r.servers().forEach(s -> metrics.put("n" + s.id(), s.metricsPort()));
        ObjectNode proxies = ports.putObject("proxies");
        r.proxyPorts().forEach(proxies::put);
        return ports;
    }

    private static ArrayNode serversJson(ClusterResult r) {
        ArrayNode servers = JSON.createArrayNode();
        for (ServerSummary s : r.servers()) {
            ObjectNode n = servers.addObject();
            n.put("id", s.id());
            n.put("clientPort", s.clientPort());
            n.put("log", s.log());
            n.set("command", JSON.valueToTree(s.command()));
            n.set("unexpectedExits", JSON.valueToTree(s.unexpectedExits()));
            ServerStatus st = s.finalStatus();
            if (st == null) {
                n.putNull("finalStatus");
            } else {
                ObjectNode f = n.putObject("finalStatus");
                f.put("role", st.role().name());
                f.put("term", st.term());
                f.put("leader", st.leaderId());
                f.put("commitIndex", st.commitIndex());
                f.put("appliedIndex", st.appliedIndex());
                f.put("haltReason", st.haltReason());
            }
        }
        return servers;
    }

    private static ObjectNode checksJson(ClusterResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", FORMAT_VERSION);
        ArrayNode checks = o.putArray("checks");
        for (CheckReport c : r.checks()) {
            ObjectNode check = checks.addObject();
            check.put("check", c.check());
            check.put("verdict", c.verdict().name());
            check.put("millis", Math.round(c.millis() * 1000) / 1000.0);
            check.set("details", JSON.valueToTree(c.details()));
        }
        o.set("appliedFaults", appliedJson(r));
        o.putArray("writeFailures");
        return o;
    }

    private static ArrayNode appliedJson(ClusterResult r) {
        ArrayNode faults = JSON.createArrayNode();
        for (AppliedFault f : r.applied()) {
            f.writeTo(faults.addObject());
        }
        return faults;
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
        o.set("applied", appliedJson(r));
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
