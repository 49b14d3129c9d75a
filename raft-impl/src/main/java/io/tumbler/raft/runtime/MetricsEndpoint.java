package io.tumbler.raft.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tumbler.raft.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A server's status and counters over HTTP, {@code GET /metrics}, in the Prometheus text exposition format
 * (version 0.0.4): gauges {@code tumbler_raft_term}, {@code tumbler_raft_role{role=...}} (1 for the current
 * role), {@code tumbler_raft_leader_id}, {@code tumbler_raft_commit_index}, {@code tumbler_raft_applied_index},
 * {@code tumbler_raft_halted}; counters since the process started {@code tumbler_raft_elections_started_total},
 * {@code tumbler_raft_leaderships_total}, {@code tumbler_raft_entries_appended_total},
 * {@code tumbler_raft_client_acks_total}, {@code tumbler_raft_snapshots_taken_total},
 * {@code tumbler_raft_snapshots_installed_total}, {@code tumbler_raft_hard_state_syncs_total},
 * {@code tumbler_transport_dropped_messages_total}. Every sample carries {@code node="ID"}.
 *
 * <p>Uses the JDK's own HTTP server on one daemon thread. A node that does not answer its status within a second
 * (a stuck node thread) gets a 503, so a scraper sees the difference between "slow" and "down".
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer http;
    private final RaftServer server;
    private final ServerMetrics metrics;

    private MetricsEndpoint(HttpServer http, RaftServer server, ServerMetrics metrics) {
        this.http = http;
        this.server = server;
        this.metrics = metrics;
    }

    /** Serves {@code server}'s metrics on {@code address} until closed. */
    public static MetricsEndpoint start(InetSocketAddress address, RaftServer server, ServerMetrics metrics)
            throws IOException {
        HttpServer http = HttpServer.create(address, 16);
        MetricsEndpoint endpoint = new MetricsEndpoint(http, server, metrics);
        http.createContext("/metrics", endpoint::handle);
        http.start();
        return endpoint;
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            int code;
            try {
                body = render(server.status().get(1, TimeUnit.SECONDS)).getBytes(StandardCharsets.UTF_8);
                code = 200;
            } catch (Exception e) {
                body = ("node status unavailable: " + e + "\n").getBytes(StandardCharsets.UTF_8);
                code = 503;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The exposition text for {@code status} and the counters. */
    String render(ServerStatus status) {
        String node = "node=\"" + status.id() + "\"";
        StringBuilder b = new StringBuilder();
        gauge(b, "tumbler_raft_term", "Current Raft term.", node, status.term());
        b.append("# HELP tumbler_raft_role 1 for the node's current role, 0 for the others.\n")
                .append("# TYPE tumbler_raft_role gauge\n");
        for (Role role : Role.values()) {
            b.append("tumbler_raft_role{").append(node).append(",role=\"").append(role.name().toLowerCase(java.util.Locale.ROOT))
                    .append("\"} ").append(role == status.role() ? 1 : 0).append('\n');
        }
        gauge(b, "tumbler_raft_leader_id", "The leader this node knows of (0: none).", node, status.leaderId());
        gauge(b, "tumbler_raft_commit_index", "Highest log index known committed.", node, status.commitIndex());
        gauge(b, "tumbler_raft_applied_index", "Highest log index applied to the state machine.", node,
                status.appliedIndex());
        gauge(b, "tumbler_raft_halted", "1 if the node halted (fail-stop).", node, status.haltReason() == null ? 0 : 1);
        counter(b, "tumbler_raft_elections_started_total", "Times this node became a candidate.", node,
                metrics.electionsStarted.get());
        counter(b, "tumbler_raft_leaderships_total", "Times this node became leader.", node, metrics.leaderships.get());
        counter(b, "tumbler_raft_entries_appended_total", "Log entries appended to this node's log.", node,
                metrics.entriesAppended.get());
        counter(b, "tumbler_raft_client_acks_total", "Client commands acknowledged by this node.", node,
                metrics.clientAcks.get());
        counter(b, "tumbler_raft_snapshots_taken_total", "Snapshots this node took.", node, metrics.snapshotsTaken.get());
        counter(b, "tumbler_raft_snapshots_installed_total", "Snapshots installed from a leader.", node,
                metrics.snapshotsInstalled.get());
        counter(b, "tumbler_raft_hard_state_syncs_total", "Hard-state writes synced to disk.", node,
                metrics.hardStateSyncs.get());
        counter(b, "tumbler_raft_joins_refused_total", "Join handshakes refused as leader (each logged).", node,
                server.joinsRefused());
        counter(b, "tumbler_raft_joins_admitted_total", "Join handshakes admitted as leader.", node,
                server.joinsAdmitted());
        counter(b, "tumbler_transport_dropped_messages_total", "Outbound messages lost (full queue, broken link).",
                node, server.droppedMessages());
        return b.toString();
    }

    private static void gauge(StringBuilder b, String name, String help, String labels, long value) {
        sample(b, name, "gauge", help, labels, value);
    }

    private static void counter(StringBuilder b, String name, String help, String labels, long value) {
        sample(b, name, "counter", help, labels, value);
    }

    private static void sample(StringBuilder b, String name, String type, String help, String labels, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
