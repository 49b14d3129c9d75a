package io.tumbler.raft;

import java.util.List;

/**
 * Confirming that the leader still leads, for reads that bypass the log: ReadIndex (dissertation
 * §6.4) confirms with a heartbeat round acknowledged by a majority; a lease read (§6.4.1) relies
 * on the last such round being recent enough that no other leader can have been elected since.
 *
 * <p>Lease safety rests on three things: CheckQuorum stickiness (followers that heard from the
 * leader within an election timeout T refuse to vote), ticks that track real time on every node
 * (a driver must deliver ticks missed during a pause before serving reads), and clocks that drift
 * apart by less than {@code leaseDriftBoundTicks} per T. A leader that sent TimeoutNow gives up
 * its lease for the rest of the term, since transfer elections skip stickiness.
 */
final class LeadershipConfirmation {
    private final RaftState s;

    LeadershipConfirmation(RaftState state) {
        this.s = state;
    }

    /** Broadcasts a new heartbeat round and returns its number. */
    long startRound() {
        long round = s.rounds.start(s.nowTicks);
        s.roundInOutbox = true;
        for (int peer : s.replicationTargets()) {
            ReplicationProgress p = s.tracker.get(peer);
            long commit = Math.min(p.match(), s.log.committed());
            s.send(new Heartbeat(s.id, peer, s.term(), commit, round));
            p.sentCommit(commit);
        }
        acknowledge(s.id, round);
        return round;
    }

    void acknowledge(int peer, long round) {
        if (s.rounds.acknowledge(peer, round, s.id, s.tracker.quorum())) {
            s.addReadStates(s.reads.release(s.rounds.quorumRound()));
        }
    }

    ReadResult readIndex(long requestId) {
        if (s.role() != Role.LEADER) {
            return new ReadResult.NotLeader(s.leaderId());
        }
        if (servesWithoutLeadershipCheckDeviation(requestId)) {
            return new ReadResult.Pending(requestId);
        }
        if (s.committedInCurrentTerm() || readIndexBeforeNoopDeviation()) {
            register(requestId);
        } else {
            s.reads.defer(requestId);
        }
        return new ReadResult.Pending(requestId);
    }

    /**
     * {@link KnownBug#READ_WITHOUT_LEADERSHIP_CHECK}: a ReadIndex read is served only after a heartbeat round confirms
     * this node still leads; the deviation serves it at once at the current commit index. True if it took over.
     */
    private boolean servesWithoutLeadershipCheckDeviation(long requestId) {
        if (!s.bugs.on(KnownBug.READ_WITHOUT_LEADERSHIP_CHECK)) {
            return false;
        }
        s.addReadStates(List.of(new ReadState(requestId, s.log.committed())));
        return true;
    }

    /**
     * {@link KnownBug#READ_INDEX_BEFORE_NOOP}: a new leader defers ReadIndex reads until an entry of its term (its
     * no-op) commits; the deviation pins them at once to a commit index that may be behind acknowledged writes.
     */
    private boolean readIndexBeforeNoopDeviation() {
        return s.bugs.on(KnownBug.READ_INDEX_BEFORE_NOOP);
    }

    /** The leader's commit index is current: the reads that waited for it can now be confirmed. */
    void firstCommitInTerm() {
        for (long requestId : s.reads.takeDeferred()) {
            register(requestId);
        }
    }

    /** Pins the read to the current commit index and to a round that starts no earlier than now. */
    private void register(long requestId) {
        long round = s.roundInOutbox ? s.rounds.currentRound() : startRound();
        s.reads.add(requestId, s.log.committed(), round);
        s.addReadStates(s.reads.release(s.rounds.quorumRound()));
    }

    ReadResult leaseRead(long requestId) {
        if (s.role() != Role.LEADER) {
            return new ReadResult.NotLeader(s.leaderId());
        }
        String refusal = leaseRefusal();
        if (refusal != null) {
            return new ReadResult.Unavailable(refusal);
        }
        s.addReadStates(List.of(new ReadState(requestId, s.log.committed())));
        return new ReadResult.Pending(requestId);
    }

    private String leaseRefusal() {
        if (!s.config.checkQuorum() && !s.singleVoter()) {
            return "lease reads require checkQuorum";
        }
        if (s.transferTarget != 0 || s.leaseRevoked) {
            return "leadership transfer in term " + s.term() + " revoked the lease";
        }
        if (!s.committedInCurrentTerm()) {
            return "no entry of term " + s.term() + " is committed yet";
        }
        if (!leaseHeld()) {
            return "lease not held (confirmed at tick " + describeLeaseStart() + ", now " + s.nowTicks + ")";
        }
        return null;
    }

    /** The lease runs for T - drift ticks from the start of the newest majority-confirmed round. */
    boolean leaseHeld() {
        if (s.singleVoter()) {
            return true;
        }
        long start = s.rounds.leaseStartTick();
        int lengthTicks = s.config.electionTimeoutTicks() - leaseDriftBoundDeviation(s.config.leaseDriftBoundTicks());
        return start != HeartbeatRounds.NO_LEASE && s.nowTicks - start < lengthTicks;
    }

    /**
     * {@link KnownBug#LEASE_WITHOUT_DRIFT_BOUND}: a lease is shortened by the clock-drift bound; the deviation allows
     * no drift (0 ticks), so a leader whose clock runs slow serves lease reads after a successor was elected.
     */
    private int leaseDriftBoundDeviation(int driftBoundTicks) {
        return s.bugs.on(KnownBug.LEASE_WITHOUT_DRIFT_BOUND) ? 0 : driftBoundTicks;
    }

    private String describeLeaseStart() {
        long start = s.rounds.leaseStartTick();
        return start == HeartbeatRounds.NO_LEASE ? "never" : Long.toString(start);
    }
}
