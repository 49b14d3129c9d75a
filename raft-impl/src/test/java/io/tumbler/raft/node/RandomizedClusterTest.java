package io.tumbler.raft.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.FaultPoints;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded chaos through the whole stack (core, driver, sessions, snapshots, segmented log on a crashing
 * disk): messages dropped, duplicated and reordered, nodes crashed with torn unsynced writes and restarted,
 * clients retrying through random nodes. Then a heal phase. Checked from the observation journal and the
 * replicas: one leader per term, the same entry and state digest at every applied index, and every
 * acknowledged command applied exactly once on every replica. The seed is in every failure message.
 */
class RandomizedClusterTest {
    private static final int NODES = 3;
    private static final int CLIENTS = 3;
    private static final int CHAOS_TICKS = 300;
    private static final int CLIENT_TIMEOUT_TICKS = 25;

    /** One simulated client: a session with one command outstanding at a time. */
    private static final class Client {
        final long id;
        long sequence = 1;
        int target = 1;
        boolean outstanding;
        int waitedTicks;
        SubmitResult answer;
        long answeredSequence;

        Client(long id) {
            this.id = id;
        }

        String payload() {
            return "c" + id + "-" + sequence;
        }
    }

    @Test
    void safetyAndExactlyOnceUnderChaos() {
        for (long seed = 1; seed <= 20; seed++) {
            runSeed(seed);
        }
    }

    /**
     * The same chaos with every fault point of every node firing at half its hits (seeded per node): the rare
     * paths are legal, so every check still holds, and each point must have fired somewhere.
     */
    @Test
    void safetyAndExactlyOnceWithEveryFaultPointFiring() {
        java.util.EnumMap<FaultPoint, Integer> fired = new java.util.EnumMap<>(FaultPoint.class);
        for (long seed = 1; seed <= 10; seed++) {
            long runSeed = seed;
            runSeed(seed, id -> {
                SplitMix coin = new SplitMix(runSeed * 1_000 + id);
                return point -> {
                    boolean fires = coin.nextInt(2) == 0;
                    if (fires) {
                        fired.merge(point, 1, Integer::sum);
                    }
                    return fires;
                };
            });
        }
        for (FaultPoint point : FaultPoint.values()) {
            assertTrue(fired.getOrDefault(point, 0) > 0, point + " never fired: " + fired);
        }
    }

    private void runSeed(long seed) {
        runSeed(seed, id -> FaultPoints.NONE);
    }

    private void runSeed(long seed, java.util.function.IntFunction<FaultPoints> faultPoints) {
        SplitMix rng = new SplitMix(seed);
        TestCluster cluster = new TestCluster(NODES, 7, id -> new RecordingMachine(), faultPoints);
        Client[] clients = new Client[CLIENTS];
        for (int k = 0; k < CLIENTS; k++) {
            clients[k] = new Client(k + 1);
        }
        TreeMap<String, Long> acked = new TreeMap<>();
        for (int id = 1; id <= NODES; id++) {
            cluster.disks[id].holdSyncs(true);
        }
        for (int tick = 0; tick < CHAOS_TICKS; tick++) {
            for (Client client : clients) {
                driveClient(cluster, client, rng, acked);
            }
            cluster.deliverChaotically(rng, 0.1, 0.05);
            completeSomeSyncs(cluster, rng);
            cluster.tickAll();
            if (rng.nextDouble() < 0.015) {
                int victim = 1 + rng.nextInt(NODES);
                cluster.crashAndRestart(victim, rng.nextInt(300));
                cluster.disks[victim].holdSyncs(true);
            }
        }
        for (int id = 1; id <= NODES; id++) {
            cluster.disks[id].holdSyncs(false);
            while (cluster.disks[id].releaseOneSync()) {
                // the disks catch up
            }
        }
        heal(cluster, seed);
        checkJournal(cluster, seed);
        checkExactlyOnce(cluster, acked, seed);
    }

    /** Disk syncs complete late and out of step with the network, so crashes land between write and sync. */
    private static void completeSomeSyncs(TestCluster cluster, SplitMix rng) {
        for (int id = 1; id <= NODES; id++) {
            while (cluster.disks[id].heldSyncCount() > 0 && rng.nextDouble() < 0.7) {
                cluster.disks[id].releaseOneSync();
            }
        }
    }

    private static void driveClient(TestCluster cluster, Client client, SplitMix rng, Map<String, Long> acked) {
        if (client.outstanding && client.answer != null && client.answeredSequence == client.sequence) {
            SubmitResult answer = client.answer;
            client.answer = null;
            client.outstanding = false;
            if (answer instanceof SubmitResult.Ok ok) {
                acked.put(client.payload(), ok.index());
                client.sequence++;
            } else if (answer instanceof SubmitResult.NotLeader n) {
                client.target = n.leaderHint() != 0 ? n.leaderHint() : 1 + rng.nextInt(NODES);
            } else if (answer instanceof SubmitResult.Unknown) {
                client.sequence++;
            }
            // Dropped: retry the same sequence (another attempt may still apply; sessions dedupe).
        }
        if (client.outstanding && ++client.waitedTicks < CLIENT_TIMEOUT_TICKS) {
            return;
        }
        if (client.outstanding) {
            client.target = 1 + rng.nextInt(NODES);
        }
        client.outstanding = true;
        client.waitedTicks = 0;
        long sequence = client.sequence;
        cluster.nodes[client.target].submit(client.id, sequence, client.payload().getBytes(StandardCharsets.UTF_8),
                result -> {
                    client.answer = result;
                    client.answeredSequence = sequence;
                });
    }

    private static void heal(TestCluster cluster, long seed) {
        for (int tick = 0; tick < 600; tick++) {
            cluster.deliverAll();
            int leader = cluster.leader();
            if (leader != 0 && converged(cluster, leader)) {
                return;
            }
            cluster.tickAll();
        }
        throw new AssertionError("seed " + seed + ": the cluster did not converge after healing");
    }

    private static boolean converged(TestCluster cluster, int leader) {
        long commit = cluster.nodes[leader].status().commitIndex();
        if (commit < cluster.nodes[leader].status().lastIndex()) {
            return false;
        }
        for (int id = 1; id <= NODES; id++) {
            if (cluster.nodes[id].appliedIndex() != commit) {
                return false;
            }
        }
        return true;
    }

    private static void checkJournal(TestCluster cluster, long seed) {
        TreeMap<Long, Integer> leaderOfTerm = new TreeMap<>();
        TreeMap<Long, Long> entryAt = new TreeMap<>();
        TreeMap<Long, Long> stateAt = new TreeMap<>();
        for (Observation o : cluster.journal) {
            if (o instanceof Observation.BecameLeader l) {
                Integer previous = leaderOfTerm.put(l.term(), l.node());
                assertTrue(previous == null || previous == l.node(),
                        "seed " + seed + ": two leaders in term " + l.term() + ": " + previous + " and " + l.node());
            } else if (o instanceof Observation.Applied a) {
                Long entry = entryAt.putIfAbsent(a.index(), a.entryDigest());
                assertTrue(entry == null || entry == a.entryDigest(),
                        "seed " + seed + ": node " + a.node() + " applied another entry at index " + a.index());
                Long state = stateAt.putIfAbsent(a.index(), a.stateDigest());
                assertTrue(state == null || state == a.stateDigest(),
                        "seed " + seed + ": node " + a.node() + " has another state at index " + a.index());
            }
        }
        assertTrue(!entryAt.isEmpty(), "seed " + seed + ": nothing was applied");
    }

    private static void checkExactlyOnce(TestCluster cluster, Map<String, Long> acked, long seed) {
        assertTrue(acked.size() > 5, "seed " + seed + ": too little progress to mean anything: " + acked.size());
        for (int id = 1; id <= NODES; id++) {
            Map<String, Integer> applied = ((RecordingMachine) cluster.stateMachines[id]).applied();
            for (Map.Entry<String, Integer> e : applied.entrySet()) {
                assertEquals(1, e.getValue(), "seed " + seed + ": node " + id + " applied " + e.getKey() + " twice");
            }
            for (String payload : acked.keySet()) {
                assertEquals(1, applied.getOrDefault(payload, 0),
                        "seed " + seed + ": node " + id + " lost acknowledged command " + payload);
            }
        }
        assertEquals(List.of(), cluster.halts, "seed " + seed);
    }
}
