package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.node.RaftObserver;
import io.tumbler.vm.VmStateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real one-node server's {@code /metrics}: Prometheus text, every sample labelled, exactly one role at 1. */
class MetricsEndpointTest {
    private static final Pattern SAMPLE = Pattern.compile("[a-z_]+\\{node=\"1\"(,role=\"[a-z_]+\")?} \\d+");

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void servesEveryGaugeAndCounterInTheTextFormat() throws Exception {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        InetSocketAddress self = (InetSocketAddress) listener.getLocalSocketAddress();
        ServerMetrics metrics = new ServerMetrics(RaftObserver.NOOP);
        RaftServerOptions options = RaftServerOptions.defaults(RaftConfig.defaults(1, List.of(1)), Map.of(1, self), dir)
                .withObserver(metrics);
        try (RaftServer server = RaftServer.start(options, new VmStateMachine(), listener);
                MetricsEndpoint endpoint = MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        server, metrics)) {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + endpoint.address().getPort()
                    + "/metrics").openConnection();
            String text;
            try (InputStream in = c.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(200, c.getResponseCode());
            assertTrue(c.getContentType().startsWith("text/plain; version=0.0.4"), c.getContentType());
            int roles = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) {
                    assertTrue(line.startsWith("# HELP tumbler_") || line.startsWith("# TYPE tumbler_"), line);
                    continue;
                }
                assertTrue(SAMPLE.matcher(line).matches(), line);
                roles += line.startsWith("tumbler_raft_role") && line.endsWith(" 1") ? 1 : 0;
            }
            assertEquals(1, roles, text);
            for (String name : List.of("tumbler_raft_term", "tumbler_raft_commit_index", "tumbler_raft_applied_index",
                    "tumbler_raft_elections_started_total", "tumbler_raft_hard_state_syncs_total",
                    "tumbler_raft_joins_refused_total", "tumbler_transport_dropped_messages_total")) {
                assertTrue(text.contains("# TYPE " + name + " "), name + " in\n" + text);
            }
        }
    }
}
