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

    /** Starts an election; {@code transfer} elections (TimeoutNow) skip PreVote and voters' stickiness. */
    void campaign(boolean transfer) {
        if (s.role() == Role.LEADER) {
            return;
        }
        if (s.config.preVote() && !transfer) {
            s.becomePreCandidate();
            requestVotes(true, s.term() + 1, false);
        } else {
            s.becomeCandidate();
            requestVotes(false, s.term(), transfer);
        }
    }

    private void requestVotes(boolean preVote, long voteTerm, boolean transfer) {
        s.tracker.recordVote(s.id, true);
        if (concludeIfDecided(preVote)) {
            return;
        }
        for (int peer : s.config.peers()) {
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
        boolean upToDate = s.bugs.on(KnownBug.VOTE_WITHOUT_LOG_CHECK) // KNOWN BUG: no §5.4.1 log comparison
                || s.log.isUpToDate(m.lastLogIndex(), m.lastLogTerm());
        if (canVote && upToDate) {
            s.send(new VoteResponse(s.id, m.from(), m.term(), m.preVote(), true));
            if (!m.preVote()) {
                s.voteFor(m.from());
                s.electionElapsedTicks = 0;
            }
        } else {
            s.send(new VoteResponse(s.id, m.from(), s.term(), m.preVote(), false));
        }
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
