package io.tumbler.raft;

/**
 * Leader election (Raft §5.2, §5.4.1) with PreVote (dissertation §9.6): campaigning, granting
 * votes, counting them.
 */
final class Election {
    private final RaftState s;
    private final LeaderReplication leader;

    Election(RaftState state, LeaderReplication leader) {
        this.s = state;
        this.leader = leader;
    }

    /**
     * Starts an election; {@code transfer} elections (TimeoutNow from {@code from}) skip PreVote and voters'
     * stickiness.
     */
    void campaign(boolean transfer, int from) {
        if (s.role() == Role.LEADER || !s.mayCampaign()) {
            return; // learners and removed nodes never campaign (dissertation §4.2.1, §4.2.2)
        }
        if (s.config.preVote() && !transfer) {
            s.becomePreCandidate();
            s.took(ProtocolPath.PRE_VOTE_STARTED, 0);
            requestVotes(true, s.term() + 1, false);
        } else {
            s.becomeCandidate();
            s.took(transfer ? ProtocolPath.ELECTION_ON_TRANSFER : ProtocolPath.ELECTION_ON_TIMEOUT, from);
            requestVotes(false, s.term(), transfer);
        }
    }

    private void requestVotes(boolean preVote, long voteTerm, boolean transfer) {
        s.tracker.recordVote(s.id, true);
        if (concludeIfDecided(preVote)) {
            return;
        }
        for (int peer : s.tracker.quorum().voters()) {
            if (peer != s.id) {
                s.send(new RequestVote(s.id, peer, voteTerm, preVote, s.log.lastIndex(), s.log.lastTerm(), transfer));
            }
        }
    }

    /**
     * Grants a vote to a candidate whose log is at least as up-to-date as ours (§5.4.1) if we have
     * not voted for someone else in its term. Term adoption has already happened in the caller;
     * a pre-vote for a higher term is granted without changing our term or vote.
     */
    void handleRequestVote(RequestVote m) {
        boolean canVote = s.votedFor() == m.from()
                || (s.votedFor() == 0 && s.leaderId() == 0)
                || (m.preVote() && m.term() > s.term());
        boolean upToDate = s.log.isUpToDate(m.lastLogIndex(), m.lastLogTerm()) || votesWithoutLogCheckDeviation();
        if (canVote && upToDate) {
            s.send(new VoteResponse(s.id, m.from(), m.term(), m.preVote(), true));
            if (!m.preVote()) {
                s.voteFor(m.from());
                s.electionElapsedTicks = 0;
            }
            s.took(m.preVote() ? ProtocolPath.PRE_VOTE_GRANTED : ProtocolPath.VOTE_GRANTED, m.from());
        } else {
            s.send(new VoteResponse(s.id, m.from(), s.term(), m.preVote(), false));
            s.took(rejection(m.preVote(), canVote), m.from());
        }
    }

    /**
     * {@link KnownBug#VOTE_WITHOUT_LOG_CHECK}: a vote goes only to a candidate whose log is at least as up-to-date as
     * ours (§5.4.1); the deviation skips that comparison, so a leader can be elected without committed entries.
     */
    private boolean votesWithoutLogCheckDeviation() {
        return s.bugs.on(KnownBug.VOTE_WITHOUT_LOG_CHECK);
    }

    /** Why a (pre-)vote was refused: the log check when it alone decided, else a vote or leader already held. */
    private ProtocolPath rejection(boolean preVote, boolean canVote) {
        if (preVote) {
            return ProtocolPath.PRE_VOTE_REJECTED;
        }
        if (canVote) {
            return ProtocolPath.VOTE_REJECTED_STALE_LOG;
        }
        return s.votedFor() != 0 ? ProtocolPath.VOTE_REJECTED_ALREADY_VOTED : ProtocolPath.VOTE_REJECTED_LEADER_KNOWN;
    }

    void handleVoteResponse(VoteResponse m) {
        boolean relevant = (s.role() == Role.PRE_CANDIDATE && m.preVote())
                || (s.role() == Role.CANDIDATE && !m.preVote());
        if (relevant) {
            s.tracker.recordVote(m.from(), m.granted());
            concludeIfDecided(m.preVote());
        }
    }

    /** Acts on a decided vote: a won pre-vote starts the real election; true if the election is over. */
    private boolean concludeIfDecided(boolean preVote) {
        switch (s.tracker.voteResult()) {
            case WON:
                if (preVote) {
                    s.becomeCandidate();
                    s.took(ProtocolPath.ELECTION_AFTER_PRE_VOTE, 0);
                    requestVotes(false, s.term(), false);
                } else {
                    leader.takeOffice();
                }
                return true;
            case LOST:
                s.becomeFollower(s.term(), 0);
                return true;
            default:
                return false;
        }
    }
}
