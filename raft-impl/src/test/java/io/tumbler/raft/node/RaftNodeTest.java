package io.tumbler.raft.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftNodeTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Some node other than {@code leader}. */
    private static int follower(TestCluster cluster, int leader) {
        return leader == 1 ? 2 : 1;
    }

    @Test
    void commandsCommitAndApplyIdenticallyOnEveryNode() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        List<SubmitResult> results = new ArrayList<>();
        for (int seq = 1; seq <= 10; seq++) {
            cluster.nodes[leader].submit(7, seq, bytes("cmd" + seq), results::add);
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);

        assertEquals(10, results.size());
        for (int i = 0; i < 10; i++) {
            SubmitResult.Ok ok = assertInstanceOf(SubmitResult.Ok.class, results.get(i));
            assertEquals(i + 1, CounterMachine.decode(ok.result()));
        }
        for (int id = 1; id <= 3; id++) {
            assertEquals(10, cluster.machines[id].count(), "node " + id);
            assertEquals(cluster.machines[leader].digest(), cluster.machines[id].digest(), "node " + id);
        }
        assertEquals(10, cluster.observations(Observation.ClientAcked.class).size());
        assertEquals(List.of(), cluster.halts);
    }

    @Test
    void aFollowerRedirectsClientsToTheLeader() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        List<SubmitResult> results = new ArrayList<>();
        cluster.nodes[follower(cluster, leader)].submit(1, 1, bytes("x"), results::add);
        assertEquals(List.of(new SubmitResult.NotLeader(leader)), results);
    }

    @Test
    void aRetriedCommandIsAppliedOnce() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        List<SubmitResult> results = new ArrayList<>();
        // Two attempts of the same (client, sequence) in flight at once, then one more after both applied.
        cluster.nodes[leader].submit(5, 1, bytes("once"), results::add);
        cluster.nodes[leader].submit(5, 1, bytes("once"), results::add);
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);
        cluster.nodes[leader].submit(5, 1, bytes("once"), results::add);

        assertEquals(3, results.size());
        SubmitResult.Ok first = assertInstanceOf(SubmitResult.Ok.class, results.get(0));
        for (SubmitResult r : results) {
            SubmitResult.Ok ok = assertInstanceOf(SubmitResult.Ok.class, r);
            assertEquals(first.index(), ok.index(), "every attempt reports the one application");
            assertEquals(1, CounterMachine.decode(ok.result()));
        }
        for (int id = 1; id <= 3; id++) {
            assertEquals(1, cluster.machines[id].count(), "node " + id + " applied the command once");
        }
        List<SubmitResult> older = new ArrayList<>();
        cluster.nodes[leader].submit(5, 2, bytes("next"), older::add);
        cluster.runUntil(c -> !older.isEmpty(), 50);
        cluster.nodes[leader].submit(5, 1, bytes("once"), older::add);
        assertInstanceOf(SubmitResult.Unknown.class, older.get(1), "a superseded sequence has no answer left");
    }

    @Test
    void anAcknowledgementNamesTheEntryItsNodeApplied() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        cluster.nodes[leader].submit(5, 1, bytes("once"), r -> { });
        cluster.nodes[leader].submit(5, 1, bytes("once"), r -> { }); // a second copy: answered from the session
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);
        cluster.nodes[leader].submit(5, 1, bytes("once"), r -> { }); // a retry after apply: answered on submission

        List<Observation.ClientAcked> acks = cluster.observations(Observation.ClientAcked.class);
        assertEquals(3, acks.size());
        for (Observation.ClientAcked ack : acks) {
            Observation.Applied applied = cluster.observations(Observation.Applied.class).stream()
                    .filter(a -> a.node() == ack.node() && a.index() == ack.index()).findFirst().orElseThrow();
            assertNotEquals(0, ack.term(), ack.toString());
            assertEquals(applied.term(), ack.term(), ack.toString());
            assertEquals(applied.entryDigest(), ack.entryDigest(), ack.toString());
        }
    }

    @Test
    void aRecoveryNamesTheLogItRecovered() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        for (int seq = 1; seq <= 5; seq++) {
            cluster.nodes[leader].submit(3, seq, bytes("c" + seq), r -> { });
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);
        int f = follower(cluster, leader);
        cluster.crashAndRestart(f);

        Observation.Recovered recovered = cluster.observations(Observation.Recovered.class).stream()
                .filter(r -> r.node() == f && r.lastIndex() >= target).findFirst().orElseThrow();
        assertEquals(recovered.lastIndex() - recovered.snapshotIndex(), recovered.entries().size());
        for (int i = 0; i < recovered.entries().size(); i++) {
            Observation.EntryRef ref = recovered.entries().get(i);
            assertEquals(recovered.snapshotIndex() + 1 + i, ref.index());
            Observation.Applied applied = cluster.observations(Observation.Applied.class).stream()
                    .filter(a -> a.node() == leader && a.index() == ref.index()).findFirst().orElseThrow();
            assertEquals(applied.term(), ref.term());
            assertEquals(applied.entryDigest(), ref.digest());
        }
    }

    @Test
    void nothingIsSentBeforeTheSyncCompletes() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        int f = follower(cluster, leader);
        cluster.disks[f].holdSyncs(true);
        cluster.nodes[leader].submit(1, 1, bytes("a"), r -> { });
        int sentBefore = cluster.sentBy[f];
        cluster.deliverAll();
        assertTrue(cluster.disks[f].heldSyncCount() > 0, "the follower is waiting for its disk");
        assertEquals(sentBefore, cluster.sentBy[f], "no acknowledgement before the entry is durable");

        cluster.disks[f].holdSyncs(false);
        while (cluster.disks[f].releaseOneSync()) {
            // complete the held chain
        }
        assertTrue(cluster.sentBy[f] > sentBefore, "the acknowledgement follows the sync");
    }

    @Test
    void clientsAreAcknowledgedOnlyAfterApply() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        cluster.disks[leader].holdSyncs(true);
        List<SubmitResult> results = new ArrayList<>();
        cluster.nodes[leader].submit(1, 1, bytes("a"), results::add);
        cluster.deliverAll();
        assertEquals(List.of(), results, "the leader's own append is not durable yet");
        assertEquals(0, cluster.machines[leader].count(), "nor applied");
        cluster.disks[leader].holdSyncs(false);
        while (cluster.disks[leader].releaseOneSync()) {
            // complete the held chain
        }
        cluster.runUntil(c -> !results.isEmpty(), 50);
        assertInstanceOf(SubmitResult.Ok.class, results.get(0));
        assertEquals(1, cluster.machines[leader].count());
    }

    @Test
    void aVoteIsNeitherSentNorObservedBeforeItIsDurable() {
        TestCluster cluster = new TestCluster(3, 0);
        cluster.disks[2].holdSyncs(true);
        cluster.disks[3].holdSyncs(true);
        cluster.nodes[1].campaign();
        cluster.deliverAll();
        assertEquals(io.tumbler.raft.Role.CANDIDATE, cluster.nodes[1].role(), "no vote has reached the candidate");
        assertTrue(cluster.observations(Observation.Voted.class).stream().noneMatch(v -> v.node() != 1));

        cluster.disks[2].holdSyncs(false);
        while (cluster.disks[2].releaseOneSync()) {
            // node 2's vote becomes durable
        }
        cluster.deliverAll();
        assertEquals(io.tumbler.raft.Role.LEADER, cluster.nodes[1].role());
        List<Observation> journal = cluster.journal;
        Observation.Voted vote = cluster.observations(Observation.Voted.class).stream()
                .filter(v -> v.node() == 2).findFirst().orElseThrow();
        assertEquals(new Observation.Voted(2, vote.term(), 1), vote);
        int at = journal.indexOf(vote);
        assertEquals(new Observation.HardStateSynced(2, vote.term(), 1, 0), journal.get(at + 1));
        assertTrue(journal.indexOf(new Observation.BecameLeader(1, vote.term())) > at, "elected after the vote");
    }

    @Test
    void aRestartedNodeRecoversItsLogAndState() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        for (int seq = 1; seq <= 20; seq++) {
            cluster.nodes[leader].submit(3, seq, bytes("c" + seq), r -> { });
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);
        int f = follower(cluster, leader);
        long digest = cluster.machines[f].digest();

        cluster.crashAndRestart(f);
        assertTrue(cluster.nodes[f].status().lastIndex() >= target, "log recovered from the segments");
        cluster.runUntil(c -> c.nodes[f].appliedIndex() >= target, 50);
        assertEquals(digest, cluster.machines[f].digest());
        assertEquals(1, cluster.observations(Observation.Recovered.class).stream()
                .filter(r -> r.node() == f && r.lastIndex() >= target).count());
    }

    @Test
    void snapshotsCompactTheLogAndKeepSessionsAcrossRestart() {
        TestCluster cluster = new TestCluster(3, 5);
        int leader = cluster.electLeader();
        List<SubmitResult> results = new ArrayList<>();
        for (int seq = 1; seq <= 30; seq++) {
            cluster.nodes[leader].submit(9, seq, bytes("s" + seq), results::add);
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 80);
        assertFalse(cluster.observations(Observation.SnapshotTaken.class).isEmpty());
        SubmitResult.Ok last = assertInstanceOf(SubmitResult.Ok.class, results.get(29));

        cluster.crashAndRestart(leader);
        cluster.runUntil(c -> c.leader() != 0 && c.allApplied(target), 300);
        int newLeader = cluster.electLeader();
        assertTrue(cluster.machines[leader].applyCalls() < 30,
                "restored from a snapshot, not replayed from index 1: " + cluster.machines[leader].applyCalls());
        List<SubmitResult> retry = new ArrayList<>();
        cluster.nodes[newLeader].submit(9, 30, bytes("s30"), retry::add);
        cluster.runUntil(c -> !retry.isEmpty(), 50);
        SubmitResult.Ok again = assertInstanceOf(SubmitResult.Ok.class, retry.get(0));
        assertEquals(last.index(), again.index(), "the session table answered the retry");
        for (int id = 1; id <= 3; id++) {
            assertEquals(30, cluster.machines[id].count(), "node " + id);
        }
    }

    @Test
    void aLaggingFollowerCatchesUpFromASnapshot() {
        TestCluster cluster = new TestCluster(3, 5);
        int leader = cluster.electLeader();
        int f = follower(cluster, leader);
        cluster.isolate(f);
        for (int seq = 1; seq <= 40; seq++) {
            cluster.nodes[leader].submit(4, seq, bytes("l" + seq), r -> { });
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 80);
        cluster.heal();
        cluster.runUntil(c -> c.nodes[f].appliedIndex() >= target, 200);

        assertTrue(cluster.observations(Observation.SnapshotInstalled.class).stream().anyMatch(s -> s.node() == f),
                "the follower was brought up to date by InstallSnapshot");
        assertEquals(cluster.machines[leader].digest(), cluster.machines[f].digest());
    }

    @Test
    void aFailedSyncHaltsTheNodeWithoutSendingOrAcknowledging() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        cluster.disks[leader].failNextSyncs(1);
        int sentBefore = cluster.sentBy[leader];
        List<SubmitResult> results = new ArrayList<>();
        cluster.nodes[leader].submit(1, 1, bytes("doomed"), results::add);

        assertEquals(1, cluster.halts.size(), cluster.halts.toString());
        assertTrue(cluster.halts.get(0).contains("injected fsync failure"));
        assertEquals(sentBefore, cluster.sentBy[leader], "the Ready's messages were not sent");
        assertEquals(List.of(), results);
        assertNotEquals(null, cluster.nodes[leader].haltReason());
        assertEquals(1, cluster.observations(Observation.Halted.class).size());
        cluster.nodes[leader].tick();
        cluster.nodes[leader].submit(1, 2, bytes("ignored"), results::add);
        assertEquals(List.of(), results, "a halted node answers nothing");
    }

    @Test
    void readsInAllThreeModes() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        for (int seq = 1; seq <= 3; seq++) {
            cluster.nodes[leader].submit(2, seq, bytes("r" + seq), r -> { });
        }
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);

        List<ReadOutcome> outcomes = new ArrayList<>();
        cluster.nodes[leader].read(ReadMode.LINEARIZABLE, new byte[0], outcomes::add);
        cluster.runUntil(c -> !outcomes.isEmpty(), 20);
        ReadOutcome.Ok linearizable = assertInstanceOf(ReadOutcome.Ok.class, outcomes.get(0));
        assertEquals(3, CounterMachine.decode(linearizable.result()));

        cluster.nodes[leader].read(ReadMode.LEASE, new byte[0], outcomes::add);
        cluster.runUntil(c -> outcomes.size() == 2, 20);
        ReadOutcome.Ok lease = assertInstanceOf(ReadOutcome.Ok.class, outcomes.get(1));
        assertEquals(3, CounterMachine.decode(lease.result()));

        int f = follower(cluster, leader);
        cluster.nodes[f].read(ReadMode.LOCAL, new byte[0], outcomes::add);
        ReadOutcome.Ok local = assertInstanceOf(ReadOutcome.Ok.class, outcomes.get(2));
        assertEquals(3, CounterMachine.decode(local.result()));

        cluster.nodes[f].read(ReadMode.LINEARIZABLE, new byte[0], outcomes::add);
        assertEquals(new ReadOutcome.NotLeader(leader), outcomes.get(3));
        assertEquals(3, cluster.observations(Observation.ReadServed.class).size());
    }

    @Test
    void observationsDescribeTheLogInOrder() {
        TestCluster cluster = new TestCluster(3, 0);
        int leader = cluster.electLeader();
        cluster.nodes[leader].submit(1, 1, bytes("a"), r -> { });
        long target = cluster.nodes[leader].status().lastIndex();
        cluster.runUntil(c -> c.allApplied(target), 50);

        assertEquals(1, cluster.observations(Observation.BecameLeader.class).size());
        for (int id = 1; id <= 3; id++) {
            long expectedNext = 1;
            long commit = 0;
            for (Observation o : cluster.journal) {
                if (o instanceof Observation.EntriesAppended a && a.node() == id) {
                    assertTrue(a.entries().get(0).index() <= expectedNext);
                    expectedNext = a.entries().get(a.entries().size() - 1).index() + 1;
                }
                if (o instanceof Observation.CommitAdvanced ca && ca.node() == id) {
                    assertTrue(ca.index() > commit && ca.index() < expectedNext, "commit within the durable log");
                    commit = ca.index();
                }
                if (o instanceof Observation.Applied ap && ap.node() == id) {
                    assertTrue(ap.index() <= commit, "applied only what is committed");
                }
            }
            assertEquals(target + 1, expectedNext, "node " + id);
        }
        assertNull(cluster.nodes[leader].haltReason());
    }
}
