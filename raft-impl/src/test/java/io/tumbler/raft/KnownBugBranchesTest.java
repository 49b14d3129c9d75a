package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each known-bug branch that the simulation campaigns do not (yet) catch within their ranges is at least
 * shown to change behaviour exactly where the catalog says, and only when switched on.
 */
class KnownBugBranchesTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    private static RaftCore core(int id, KnownBugs bugs, HardState hard, List<Entry> entries) {
        RaftConfig config = RaftConfig.defaults(id, THREE).withKnownBugs(bugs);
        return new RaftCore(config, JitterSource.seeded(id), new RecoveredState(hard, null, entries));
    }

    private static Ready drain(RaftCore core) {
        Ready ready = core.ready();
        core.advance(ready);
        return ready;
    }

    private static Entry entry(long index, long term) {
        return new Entry(index, term, EntryType.NORMAL, new byte[] {(byte) index});
    }

    @Test
    void figure8CommitCountsReplicasOfAnEarlierTerm() {
        RecoveredState recovered = new RecoveredState(new HardState(3, 0, 0), null, List.of(entry(1, 1), entry(2, 2)));
        RaftLog correct = new RaftLog(recovered, KnownBugs.NONE, Configuration.ofVoters(List.of(1)));
        RaftLog buggy = new RaftLog(recovered, KnownBugs.of(KnownBug.FIGURE_8_COMMIT), Configuration.ofVoters(List.of(1)));
        assertFalse(correct.maybeCommit(2, 3), "an entry of term 2 is never committed by counting in term 3");
        assertTrue(buggy.maybeCommit(2, 3));
        assertEquals(2, buggy.committed());
    }

    @Test
    void staleTermAppendIsAcceptedOnlyWithTheBug() {
        for (KnownBugs bugs : List.of(KnownBugs.NONE, KnownBugs.of(KnownBug.STALE_TERM_APPEND))) {
            RaftCore follower = core(2, bugs, new HardState(5, 0, 0), List.of());
            drain(follower);
            follower.step(new AppendEntries(1, 2, 4, 0, 0, List.of(entry(1, 4)), 0));
            Ready ready = drain(follower);
            assertEquals(bugs.isEmpty() ? 0 : 1, follower.status().lastIndex(), bugs.toString());
            assertEquals(bugs.isEmpty() ? List.of() : List.of(entry(1, 4)), ready.entriesToPersist());
        }
    }

    @Test
    void followerCommitsBeyondWhatTheAppendVerifiedOnlyWithTheBug() {
        List<Entry> divergent = List.of(entry(1, 1), entry(2, 1), entry(3, 1));
        for (KnownBugs bugs : List.of(KnownBugs.NONE, KnownBugs.of(KnownBug.FOLLOWER_COMMIT_BEYOND_VERIFIED))) {
            RaftCore follower = core(2, bugs, new HardState(2, 0, 0), divergent);
            drain(follower);
            follower.step(new AppendEntries(1, 2, 2, 0, 0, List.of(entry(1, 1)), 3));
            drain(follower);
            assertEquals(bugs.isEmpty() ? 1 : 3, follower.status().commitIndex(), bugs.toString());
        }
    }

    @Test
    void readsWithoutLeadershipCheckAreReleasedWithoutAHeartbeatRound() {
        for (KnownBugs bugs : List.of(KnownBugs.NONE, KnownBugs.of(KnownBug.READ_WITHOUT_LEADERSHIP_CHECK))) {
            RaftCore leader = core(1, bugs, HardState.EMPTY, List.of());
            drain(leader);
            leader.transferLeadership(1);
            leader.campaign();
            drain(leader);
            leader.step(new VoteResponse(2, 1, 1, true, true));
            drain(leader);
            leader.step(new VoteResponse(2, 1, 1, false, true));
            drain(leader);
            leader.step(new AppendResponse(2, 1, 1, true, 1, 0, 0));
            drain(leader);
            leader.readIndex(7);
            Ready ready = drain(leader);
            assertEquals(Role.LEADER, leader.status().role());
            assertEquals(bugs.isEmpty() ? List.of() : List.of(new ReadState(7, 1)), ready.readStates(), bugs.toString());
        }
    }
}
