package io.tumbler.raft.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.ScriptedFaultPoints;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's fault points: a held sync keeps the Ready's messages back; an early snapshot is a real one. */
class NodeFaultPointsTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDelayedSyncHoldsItsMessagesUntilItIsActedOn() {
        ScriptedFaultPoints[] points = new ScriptedFaultPoints[4];
        TestCluster cluster = new TestCluster(3, 0, id -> new CounterMachine(),
                id -> points[id] = new ScriptedFaultPoints());
        int leader = cluster.electLeader();
        points[leader].fire(FaultPoint.DELAY_SYNC);
        int sentBefore = cluster.sentBy[leader];
        List<SubmitResult> results = new ArrayList<>();
        cluster.nodes[leader].submit(1, 1, bytes("held"), results::add);
        cluster.deliverAll();
        assertEquals(sentBefore, cluster.sentBy[leader], "nothing leaves before the sync is acted on");
        cluster.nodes[leader].tick(); // still firing: held one more tick
        cluster.deliverAll();
        assertEquals(sentBefore, cluster.sentBy[leader]);
        assertEquals(List.of(), results);
        points[leader].stopAll();
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target) && !results.isEmpty(), 20);
        assertInstanceOf(SubmitResult.Ok.class, results.get(0));
        assertTrue(points[leader].fired(FaultPoint.DELAY_SYNC) >= 2);
        for (int id = 1; id <= 3; id++) {
            assertEquals(1, cluster.machines[id].count(), "node " + id);
        }
    }

    @Test
    void compactEarlySnapshotsLongBeforeTheIntervalAndARestartRecoversFromIt() {
        ScriptedFaultPoints[] points = new ScriptedFaultPoints[4];
        TestCluster cluster = new TestCluster(3, 1_600, id -> new CounterMachine(),
                id -> points[id] = new ScriptedFaultPoints().fire(FaultPoint.COMPACT_EARLY));
        int leader = cluster.electLeader();
        for (int seq = 1; seq <= 250; seq++) {
            cluster.nodes[leader].submit(1, seq, bytes("c" + seq), r -> { });
            cluster.deliverAll();
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);
        List<Observation.SnapshotTaken> taken = cluster.observations(Observation.SnapshotTaken.class);
        assertFalse(taken.isEmpty(), "early snapshots were taken");
        for (Observation.SnapshotTaken t : taken) {
            assertTrue(t.index() < 1_600, "well before the 1600-entry interval: " + t);
        }
        assertTrue(cluster.nodes[leader].status().snapshotIndex() >= 100, "one every 100 (1600 / 16) entries");
        int other = leader == 1 ? 2 : 1;
        long digest = cluster.machines[other].digest();
        cluster.crashAndRestart(other);
        assertTrue(cluster.nodes[other].status().snapshotIndex() > 0, "recovered from an early snapshot");
        cluster.runUntil(c -> c.allApplied(target), 50);
        assertEquals(digest, cluster.machines[other].digest());
        assertEquals(250, cluster.machines[other].count());
        assertEquals(List.of(), cluster.halts);
    }
}
