package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.node.CounterMachine;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.RaftObserver;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes in one JVM over TCP on 127.0.0.1 with real files: a leader emerges, proposals commit on
 * all, and a node restarted from its directory recovers its log and catches up. Every wait is on a future
 * completed by an observer; the JUnit timeout bounds the whole test.
 */
class TcpClusterTest {
    private static final int NODES = 3;
    private final RaftServer[] servers = new RaftServer[NODES + 1];
    private final AppliedWatch[] watches = new AppliedWatch[NODES + 1];
    private final CompletableFuture<Integer> firstLeader = new CompletableFuture<>();
    /** Completed (and cleared) by the next BecameLeader observation. */
    private final List<CompletableFuture<Integer>> leaderWaiters = new CopyOnWriteArrayList<>();
    private final List<Observation.Recovered> recoveries = new CopyOnWriteArrayList<>();

    /** Completes futures when a node's applied index reaches a target (observer: runs on the node thread). */
    private final class AppliedWatch implements RaftObserver {
        private volatile long applied;
        private final List<Map.Entry<Long, CompletableFuture<Long>>> waiters = new CopyOnWriteArrayList<>();

        @Override
        public void observe(Observation o) {
            if (o instanceof Observation.BecameLeader leader) {
                firstLeader.complete(leader.node());
                for (CompletableFuture<Integer> waiter : leaderWaiters) {
                    waiter.complete(leader.node());
                }
            } else if (o instanceof Observation.Recovered r) {
                recoveries.add(r);
            } else if (o instanceof Observation.Applied a) {
                applied = a.index();
                for (Map.Entry<Long, CompletableFuture<Long>> w : waiters) {
                    if (a.index() >= w.getKey()) {
                        w.getValue().complete(a.index());
                    }
                }
            }
        }

        CompletableFuture<Long> reaches(long index) {
            CompletableFuture<Long> future = new CompletableFuture<>();
            waiters.add(Map.entry(index, future));
            if (applied >= index) {
                future.complete(applied);
            }
            return future;
        }
    }

    @AfterEach
    void stopAll() {
        for (RaftServer server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }

    private RaftServerOptions options(int id, Map<Integer, InetSocketAddress> addresses, Path root) {
        RaftConfig raft = RaftConfig.defaults(id, List.of(1, 2, 3));
        return RaftServerOptions.defaults(raft, addresses, root.resolve("node" + id))
                .withTickMillis(20)
                .withSnapshotEveryEntries(0)
                .withObserver(watches[id]);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    /** Submits through {@code node}, following NotLeader hints; returns the index it applied at. */
    private long submit(int node, long clientId, long sequence, String command) throws Exception {
        int target = node;
        for (int attempt = 0; attempt < 20; attempt++) {
            if (servers[target] == null) {
                target = awaitLeader();
            }
            try (RaftClient client = RaftClient.connect(servers[target].address(), 5_000)) {
                SubmitResult result = client.submit(clientId, sequence, command.getBytes(StandardCharsets.UTF_8));
                if (result instanceof SubmitResult.Ok ok) {
                    return ok.index();
                }
                int hint = assertInstanceOf(SubmitResult.NotLeader.class, result).leaderHint();
                target = hint != 0 && servers[hint] != null ? hint : awaitLeader();
            }
        }
        throw new AssertionError("no leader accepted command " + sequence);
    }

    /** A live leader's id: one that reports itself leader now, or else the next one elected. */
    private int awaitLeader() throws Exception {
        CompletableFuture<Integer> next = new CompletableFuture<>();
        leaderWaiters.add(next);
        for (int id = 1; id <= NODES; id++) {
            if (servers[id] != null && servers[id].status().get().role() == io.tumbler.raft.Role.LEADER) {
                leaderWaiters.remove(next);
                return id;
            }
        }
        int leader = next.get();
        leaderWaiters.remove(next);
        return leader;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void threeNodesElectCommitAndRecoverOverTcp(@TempDir Path root) throws Exception {
        Map<Integer, InetSocketAddress> addresses = new TreeMap<>();
        ServerSocket[] sockets = new ServerSocket[NODES + 1];
        for (int id = 1; id <= NODES; id++) {
            sockets[id] = bind(0);
            addresses.put(id, (InetSocketAddress) sockets[id].getLocalSocketAddress());
        }
        for (int id = 1; id <= NODES; id++) {
            watches[id] = new AppliedWatch();
            servers[id] = RaftServer.start(options(id, addresses, root), new CounterMachine(), sockets[id]);
        }
        int leader = firstLeader.get();

        long last = 0;
        for (int seq = 1; seq <= 5; seq++) {
            last = submit(leader, 11, seq, "first-" + seq);
        }
        for (int id = 1; id <= NODES; id++) {
            watches[id].reaches(last).get();
        }

        int restarted = leader == 3 ? 2 : 3;
        servers[restarted].close();
        servers[restarted] = null;
        long afterRestart = 0;
        for (int seq = 6; seq <= 10; seq++) {
            afterRestart = submit(leader, 11, seq, "second-" + seq);
        }

        watches[restarted] = new AppliedWatch();
        servers[restarted] = RaftServer.start(options(restarted, addresses, root), new CounterMachine(),
                bind(addresses.get(restarted).getPort()));
        watches[restarted].reaches(afterRestart).get();

        Observation.Recovered recovered = recoveries.stream().filter(r -> r.node() == restarted)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(recovered.lastIndex() >= last, "the restarted node recovered its log from disk: " + recovered);
        assertTrue(recovered.commitIndex() > 0 && recovered.term() > 0, recovered.toString());

        for (int id = 1; id <= NODES; id++) {
            ReadOutcome.Ok local = assertInstanceOf(ReadOutcome.Ok.class,
                    servers[id].read(ReadMode.LOCAL, new byte[0]).get());
            assertEquals(10, CounterMachine.decode(local.result()), "node " + id + " applied every command once");
        }
    }
}
