package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver-facing contract of {@link RaftCore}, one node at a time with hand-made messages. */
class RaftCoreTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    private static RaftCore core(int id, List<Integer> peers, RecoveredState recovered) {
        RaftConfig config = RaftConfig.defaults(id, peers).withPreVote(false).withCheckQuorum(false);
        return new RaftCore(config, JitterSource.seeded(id), recovered);
    }

    private static Ready drain(RaftCore core) {
        Ready ready = core.ready();
        core.advance(ready);
        return ready;
    }

    @Test
    void aSingleVoterLeadsCommitsAndReadsAlone() {
        RaftCore solo = core(1, List.of(1), RecoveredState.empty());
        solo.campaign();
        Ready elected = drain(solo);
        assertEquals(Role.LEADER, elected.softState().role());
        assertEquals(List.of(Entry.noop(1, 1)), elected.entriesToPersist());
        assertEquals(List.of(Entry.noop(1, 1)), elected.committedEntries(), "commits in the same Ready");
        ProposeResult accepted = solo.propose("x".getBytes(StandardCharsets.UTF_8));
        assertEquals(new ProposeResult.Accepted(2, 1), accepted);
        assertInstanceOf(ReadResult.Pending.class, solo.readIndex(7));
        assertInstanceOf(ReadResult.Pending.class, solo.leaseRead(8));
        Ready next = drain(solo);
        assertEquals(2, next.committedEntries().get(0).index());
        assertEquals(List.of(new ReadState(7, 2), new ReadState(8, 2)), next.readStates(), "x committed at once");
    }

    @Test
    void aVoteIsNeverSentWithoutTheHardStateThatBacksIt() {
        RaftCore follower = core(2, THREE, RecoveredState.empty());
        follower.step(new RequestVote(1, 2, 1, false, 0, 0, false));
        Ready ready = follower.ready();
        assertEquals(new HardState(1, 1, 0), ready.hardState());
        assertEquals(List.of(new VoteResponse(2, 1, 1, false, true)), ready.messages());
        assertTrue(ready.mustSync());
    }

    @Test
    void readyAndAdvanceStrictlyAlternate() {
        RaftCore node = core(1, THREE, RecoveredState.empty());
        node.campaign();
        assertTrue(node.hasReady());
        Ready ready = node.ready();
        assertFalse(node.hasReady(), "nothing new is offered while a Ready is outstanding");
        assertThrows(IllegalStateException.class, node::ready);
        node.step(new VoteResponse(2, 1, 1, false, true)); // stepping in between is allowed
        assertThrows(IllegalStateException.class, () -> node.advance(new Ready(null, null, List.of(), null,
                List.of(), List.of(), List.of())));
        node.advance(ready);
        assertTrue(node.hasReady());
        assertEquals(Role.LEADER, node.ready().softState().role());
    }

    @Test
    void misaddressedMessagesAreWiringBugs() {
        RaftCore node = core(1, THREE, RecoveredState.empty());
        assertThrows(IllegalArgumentException.class, () -> node.step(new TimeoutNow(2, 3, 1)));
        assertThrows(IllegalArgumentException.class, () -> node.step(new TimeoutNow(1, 1, 1)));
        // A sender outside the configuration is legal (a node not yet learned of, or removed): a TimeoutNow from
        // it is taken like any other, and a follower of a 3-voter cluster campaigns on it.
        node.step(new TimeoutNow(9, 1, 1));
        assertEquals(Role.CANDIDATE, node.status().role());
    }

    @Test
    void recoveryReappliesCommittedEntriesAfterTheSnapshot() {
        Snapshot snapshot = new Snapshot(new SnapshotMeta(5, 2), new byte[] {1});
        List<Entry> tail = List.of(RaftLogTest.entry(6, 2), RaftLogTest.entry(7, 3), RaftLogTest.entry(8, 3));
        RaftCore node = core(2, THREE, new RecoveredState(new HardState(3, 1, 7), snapshot, tail));
        Status status = node.status();
        assertEquals(5, status.appliedIndex());
        assertEquals(7, status.commitIndex());
        assertEquals(6, status.firstIndex());
        Ready ready = drain(node);
        assertEquals(List.of(tail.get(0), tail.get(1)), ready.committedEntries());
        assertNull(ready.hardState(), "nothing changed");
        assertEquals(List.of(), ready.entriesToPersist(), "recovered entries are already durable");
    }

    @Test
    void aSnapshotWhoseLastEntryWeHoldOnlyAdvancesCommit() {
        List<Entry> log = List.of(RaftLogTest.entry(1, 1), RaftLogTest.entry(2, 1), RaftLogTest.entry(3, 1));
        RaftCore node = core(2, THREE, new RecoveredState(new HardState(1, 1, 1), null, log));
        node.step(new InstallSnapshot(1, 2, 1, new Snapshot(new SnapshotMeta(2, 1), new byte[0])));
        Ready ready = drain(node);
        assertNull(ready.snapshotToInstall());
        assertEquals(List.of(log.get(0), log.get(1)), ready.committedEntries(), "applied restarts at 0");
        assertEquals(List.of(new AppendResponse(2, 1, 1, true, 2, 0, 0)), ready.messages());
        assertEquals(3, node.status().lastIndex(), "entries after the snapshot stay");
    }

    @Test
    void anOutdatedSnapshotIsAcknowledgedWithOurCommitIndex() {
        List<Entry> log = List.of(RaftLogTest.entry(1, 1), RaftLogTest.entry(2, 1));
        RaftCore node = core(2, THREE, new RecoveredState(new HardState(1, 1, 2), null, log));
        node.step(new InstallSnapshot(1, 2, 1, new Snapshot(new SnapshotMeta(1, 1), new byte[0])));
        assertEquals(List.of(new AppendResponse(2, 1, 1, true, 2, 0, 0)), drain(node).messages());
    }

    @Test
    void compactionIsBoundedByTheAppliedIndexAndStaleSnapshotsAreIgnored() {
        RaftCore solo = core(1, List.of(1), RecoveredState.empty());
        solo.campaign();
        drain(solo);
        solo.propose(new byte[] {1});
        assertThrows(IllegalStateException.class, () -> solo.compact(2, new byte[0]), "2 is not applied yet");
        drain(solo);
        solo.compact(2, new byte[] {42});
        assertEquals(3, solo.status().firstIndex());
        solo.compact(1, new byte[0]);
        assertEquals(2, solo.status().snapshotIndex(), "an older snapshot changes nothing");
    }

    @Test
    void proposalsCopyTheCallersBytes() {
        RaftCore solo = core(1, List.of(1), RecoveredState.empty());
        solo.campaign();
        drain(solo);
        byte[] command = {1, 2, 3};
        solo.propose(command);
        command[0] = 9;
        assertEquals(1, drain(solo).entriesToPersist().get(0).data()[0]);
    }

    @Test
    void aStaleLeaderLearnsTheNewTermFromAFollower() {
        RaftCore follower = new RaftCore(RaftConfig.defaults(2, THREE), JitterSource.seeded(2),
                new RecoveredState(new HardState(5, 0, 0), null, List.of()));
        drain(follower);
        follower.step(new Heartbeat(1, 2, 4, 0, 1));
        Ready ready = drain(follower);
        assertEquals(List.of(new AppendResponse(2, 1, 5, false, 0, 0, 0)), ready.messages());
    }

    @Test
    void twoLeadersInOneTermStopTheNode() {
        RaftCore node = core(1, THREE, RecoveredState.empty());
        node.campaign();
        node.step(new VoteResponse(2, 1, 1, false, true));
        assertEquals(Role.LEADER, node.status().role());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> node.step(new Heartbeat(3, 1, 1, 0, 1)));
        assertTrue(e.getMessage().contains("election safety"), e.getMessage());
    }

    @Test
    void statusReportsLeaderProgress() {
        RaftCore node = core(1, THREE, RecoveredState.empty());
        node.campaign();
        node.step(new VoteResponse(2, 1, 1, false, true));
        node.step(new AppendResponse(2, 1, 1, true, 1, 0, 0));
        Status status = node.status();
        assertEquals(1, status.commitIndex());
        assertNotNull(status.progress());
        assertEquals(new PeerStatus(2, 1, 2, ProgressState.REPLICATE, 0), status.progress().get(1));
    }
}
