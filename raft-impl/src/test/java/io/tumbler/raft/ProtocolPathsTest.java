package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core reports the path behind each decision, with the peer involved, and only when it takes it. */
class ProtocolPathsTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    /** One report as the test sees it. */
    private record Taken(ProtocolPath path, int peer, long term) {}

    private final List<Taken> taken = new ArrayList<>();

    private RaftCore core(int id, RaftConfig config, RecoveredState recovered) {
        return new RaftCore(config, JitterSource.seeded(id), recovered, FaultPoints.NONE,
                (path, peer, term) -> taken.add(new Taken(path, peer, term)));
    }

    private static RaftConfig plain(int id) {
        return RaftConfig.defaults(id, THREE).withPreVote(false).withCheckQuorum(false);
    }

    private static void drain(RaftCore core) {
        core.advance(core.ready());
    }

    @Test
    void votesAreGrantedOrRefusedForTheReasonThatDecided() {
        List<Entry> log = List.of(RaftLogTest.entry(1, 1), RaftLogTest.entry(2, 2));
        RaftCore voter = core(2, plain(2), new RecoveredState(new HardState(2, 0, 1), null, log));
        voter.step(new RequestVote(1, 2, 3, false, 1, 1, false));
        voter.step(new RequestVote(3, 2, 3, false, 2, 2, false));
        voter.step(new RequestVote(1, 2, 3, false, 2, 2, false));
        voter.step(new RequestVote(1, 2, 2, false, 9, 9, false));
        assertEquals(List.of(new Taken(ProtocolPath.VOTE_REJECTED_STALE_LOG, 1, 3),
                new Taken(ProtocolPath.VOTE_GRANTED, 3, 3),
                new Taken(ProtocolPath.VOTE_REJECTED_ALREADY_VOTED, 1, 3),
                new Taken(ProtocolPath.VOTE_REJECTED_STALE_TERM, 1, 3)), taken);
    }

    @Test
    void aFollowerThatKnowsTheLeaderRefusesAVoteInItsTerm() {
        RaftCore follower = core(2, plain(2), RecoveredState.empty());
        follower.step(new Heartbeat(1, 2, 1, 0, 1));
        taken.clear();
        follower.step(new RequestVote(3, 2, 1, false, 0, 0, false));
        assertEquals(List.of(new Taken(ProtocolPath.VOTE_REJECTED_LEADER_KNOWN, 3, 1)), taken);
    }

    @Test
    void electionsSayWhetherATimerATransferOrAWonPreVoteStartedThem() {
        RaftCore timedOut = core(1, plain(1), RecoveredState.empty());
        timedOut.campaign();
        RaftCore transferee = core(2, plain(2), RecoveredState.empty());
        transferee.step(new TimeoutNow(3, 2, 0));
        RaftCore preVoter = core(3, plain(3).withPreVote(true), RecoveredState.empty());
        preVoter.campaign();
        preVoter.step(new VoteResponse(1, 3, 1, true, true));
        assertEquals(List.of(new Taken(ProtocolPath.ELECTION_ON_TIMEOUT, 0, 1),
                new Taken(ProtocolPath.ELECTION_ON_TRANSFER, 3, 1),
                new Taken(ProtocolPath.PRE_VOTE_STARTED, 0, 0),
                new Taken(ProtocolPath.ELECTION_AFTER_PRE_VOTE, 0, 1)), taken);
    }

    @Test
    void preVotesAreRefusedWhenStaleAndIgnoredNearALiveLeader() {
        RaftCore voter = core(2, plain(2).withPreVote(true).withCheckQuorum(true),
                new RecoveredState(new HardState(3, 0, 0), null, List.of()));
        voter.step(new RequestVote(1, 2, 2, true, 0, 0, false));
        voter.step(new Heartbeat(1, 2, 3, 0, 1));
        voter.step(new RequestVote(3, 2, 4, true, 0, 0, false));
        assertEquals(List.of(new Taken(ProtocolPath.PRE_VOTE_REJECTED, 1, 3),
                new Taken(ProtocolPath.VOTE_REQUEST_IGNORED_STICKY_LEADER, 3, 3)), taken);
    }

    @Test
    void aLeaderStepsDownOnAHigherTermOrWhenItsQuorumFallsSilent() {
        RaftCore leader = electedLeader(plain(1));
        leader.step(new AppendResponse(2, 1, 5, false, 0, 0, 0));
        assertEquals(new Taken(ProtocolPath.STEP_DOWN_HIGHER_TERM, 2, 5), taken.get(taken.size() - 1));
        RaftConfig quorumChecked = plain(1).withCheckQuorum(true);
        RaftCore lonely = electedLeader(quorumChecked);
        for (int i = 0; i < 2 * quorumChecked.electionTimeoutTicks(); i++) {
            lonely.tick();
        }
        assertEquals(new Taken(ProtocolPath.STEP_DOWN_CHECK_QUORUM, 0, 1), taken.get(taken.size() - 1));
        assertEquals(Role.FOLLOWER, lonely.status().role());
    }

    private RaftCore electedLeader(RaftConfig config) {
        RaftCore leader = core(1, config, RecoveredState.empty());
        leader.campaign();
        leader.step(new VoteResponse(2, 1, 1, false, true));
        drain(leader);
        assertEquals(Role.LEADER, leader.status().role());
        return leader;
    }

    @Test
    void aMismatchedAppendIsRejectedAndReportedWithItsLeader() {
        RaftCore follower = core(2, plain(2), RecoveredState.empty());
        follower.step(new AppendEntries(1, 2, 1, 5, 1, List.of(), 0));
        assertEquals(List.of(new Taken(ProtocolPath.APPEND_REJECTED_LOG_MISMATCH, 1, 1)), taken);
    }

    @Test
    void nullPortsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RaftCore(plain(1), JitterSource.seeded(1), RecoveredState.empty(), FaultPoints.NONE, null));
    }
}
