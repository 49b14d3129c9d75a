package io.tumbler.raft;

import java.util.List;

/**
 * The leader's side of log replication (Raft §5.3, §5.4.2, §7): appending its own entries,
 * sending batched, pipelined appends and snapshots, learning from acknowledgements and rejections
 * (fast backtracking), committing by the Figure 8 rule, CheckQuorum, and leadership transfer
 * (dissertation §3.10).
 */
final class LeaderReplication {
    private final RaftState s;
    private final LeadershipConfirmation confirmation;

    LeaderReplication(RaftState state, LeadershipConfirmation confirmation) {
        this.s = state;
        this.confirmation = confirmation;
    }

    /** Becomes leader: a NOOP entry of the new term starts the commit of everything before it (§6.4, §8). */
    void takeOffice() {
        s.log.dropsOwnUncommittedTailDeviation();
        s.becomeLeader();
        if (figure8SkipsNoopDeviation()) {
            return;
        }
        appendOwn(Entry.noop(s.log.lastIndex() + 1, s.term()));
    }

    /**
     * {@link KnownBug#FIGURE_8_COMMIT} (with the counting rule in {@link RaftLog#maybeCommit}): a new leader appends a
     * no-op of its term, whose commit commits everything before it; the deviation appends none and just replicates
     * its log, so entries of earlier terms are committed by counting their replicas. True if it took over.
     */
    private boolean figure8SkipsNoopDeviation() {
        if (!s.bugs.on(KnownBug.FIGURE_8_COMMIT)) {
            return false;
        }
        s.tracker.get(s.id).maybeUpdate(s.log.lastIndex());
        s.replicationPending = true;
        for (int peer : s.replicationTargets()) {
            sendAppend(peer, true);
        }
        return true;
    }

    /**
     * Appends a single-server configuration change (dissertation §4.1) if this node leads and the change is
     * safe now: an entry of this term has committed (§4.1's fix of Ongaro's single-server bug) and no other
     * change is uncommitted. The new configuration is in effect at once.
     */
    ConfigChangeResult proposeConfigChange(ConfigChange change) {
        if (s.role() != Role.LEADER) {
            return new ConfigChangeResult.NotLeader(s.leaderId());
        }
        ConfigChangeResult.Refused refused = configChangeRefusal();
        if (refused != null) {
            return refused;
        }
        Configuration.Applied applied = s.configuration().apply(change);
        if (applied.configuration() == null) {
            return new ConfigChangeResult.Refused(applied.refusal(), applied.detail());
        }
        Entry entry = Entry.config(s.log.lastIndex() + 1, s.term(), applied.configuration());
        s.log.appendAsLeader(entry);
        s.syncConfiguration();
        s.tracker.get(s.id).maybeUpdate(entry.index());
        maybeCommit();
        s.replicationPending = true;
        return new ConfigChangeResult.Accepted(entry.index(), entry.term(), applied.configuration());
    }

    private ConfigChangeResult.Refused configChangeRefusal() {
        if (s.transferTarget != 0) {
            return new ConfigChangeResult.Refused(ConfigChangeResult.Reason.TRANSFER_IN_PROGRESS,
                    "leadership transfer to node " + s.transferTarget + " in progress");
        }
        if (!s.committedInCurrentTerm() && !configBeforeCurrentTermCommitDeviation()) {
            return new ConfigChangeResult.Refused(ConfigChangeResult.Reason.NO_CURRENT_TERM_COMMIT,
                    "no entry of term " + s.term() + " is committed yet (commit " + s.log.committed() + ")");
        }
        long pending = s.logConfiguration().index();
        if (pending > s.log.committed()) {
            return new ConfigChangeResult.Refused(ConfigChangeResult.Reason.CHANGE_IN_FLIGHT,
                    "the change at index " + pending + " is not committed yet (commit " + s.log.committed() + ")");
        }
        return null;
    }

    /**
     * {@link KnownBug#CONFIG_BEFORE_CURRENT_TERM_COMMIT}: a leader refuses a configuration change until an entry of its
     * term has committed (dissertation §4.1); the deviation accepts it at once (Ongaro's single-server bug).
     */
    private boolean configBeforeCurrentTermCommitDeviation() {
        return s.bugs.on(KnownBug.CONFIG_BEFORE_CURRENT_TERM_COMMIT);
    }

    ProposeResult propose(byte[] command) {
        if (s.role() != Role.LEADER) {
            return new ProposeResult.NotLeader(s.leaderId());
        }
        if (s.transferTarget != 0) {
            return new ProposeResult.Dropped("leadership transfer to node " + s.transferTarget + " in progress");
        }
        long uncommitted = s.log.lastIndex() - s.log.committed();
        int limit = s.config.maxUncommittedEntries();
        if (limit > 0 && uncommitted >= limit) {
            return new ProposeResult.Dropped(uncommitted + " entries are uncommitted (limit " + limit + ")");
        }
        Entry entry = new Entry(s.log.lastIndex() + 1, s.term(), EntryType.NORMAL, command.clone());
        appendOwn(entry);
        return new ProposeResult.Accepted(entry.index(), entry.term());
    }

    /**
     * The leader counts its own entry as matched at once: the driver persists a Ready's entries
     * before it sends that Ready's messages, so no follower can acknowledge (and no commit can be
     * counted) before the leader's copy is durable.
     */
    private void appendOwn(Entry entry) {
        s.log.appendAsLeader(entry);
        s.tracker.get(s.id).maybeUpdate(entry.index());
        maybeCommit();
        s.replicationPending = true;
    }

    /**
     * Sends what is pending to every follower: as many batches as its pipeline admits, and an
     * empty append if it would otherwise not learn the current commit index. Called once per Ready.
     */
    void flushPending() {
        if (!s.replicationPending || s.role() != Role.LEADER) {
            return;
        }
        s.replicationPending = false;
        List<Integer> targets = s.replicationTargets();
        // Tracked peers are the targets and nodes whose removal just committed: they get this last round, which
        // carries the commit index, so that they know they are out and stop campaigning.
        for (int peer : s.tracker.trackedPeers()) {
            ReplicationProgress p = s.tracker.get(peer);
            boolean sent = !windowOfOne(p) && sendAppend(peer, p.sentCommitIndex() < s.log.committed());
            while (sent && !windowOfOne(p) && sendAppend(peer, false)) {
                // fill the pipeline
            }
        }
        s.tracker.retainOnly(targets);
        stepDownIfRemoved();
    }

    /**
     * Dissertation §4.2.2: a leader that is not a voter of its configuration manages the cluster only until that
     * configuration commits (counting the remaining voters, not itself), then steps down; the commit index has
     * just been sent, so the remaining voters learn it and elect one of their own.
     */
    private void stepDownIfRemoved() {
        LogConfiguration current = s.logConfiguration();
        if (!current.configuration().isVoter(s.id) && s.log.committed() >= current.index()) {
            s.becomeFollower(s.term(), 0);
        }
    }

    /**
     * FAULT POINT short-pipeline: while an append is in flight to this follower, send nothing more this round
     * (a window of one); the rest leaves when it is acknowledged, or on a heartbeat answer if it was lost.
     */
    private boolean windowOfOne(ReplicationProgress p) {
        return p.state() == ProgressState.REPLICATE && p.inflightCount() > 0 && s.fires(FaultPoint.SHORT_PIPELINE);
    }

    /** Sends the next batch to {@code to} unless its pipeline is paused; true if something was sent. */
    boolean sendAppend(int to, boolean sendIfEmpty) {
        ReplicationProgress p = s.tracker.get(to);
        if (p.isPaused()) {
            return false;
        }
        long prevIndex = p.next() - 1;
        if (prevIndex > s.log.lastIndex()) {
            throw new IllegalStateException("next index " + p.next() + " for node " + to + " is beyond last index "
                    + s.log.lastIndex());
        }
        long prevTerm = s.log.term(prevIndex);
        if (prevTerm == RaftLog.UNAVAILABLE || snapshotEarly(p)) {
            return sendSnapshot(to, p);
        }
        List<Entry> batch = s.log.slice(p.next(), s.log.lastIndex(), s.config.maxEntriesPerAppend(),
                s.config.maxAppendBytes());
        if (batch.size() > 1 && s.fires(FaultPoint.SPLIT_BATCH)) {
            batch = List.copyOf(batch.subList(0, batch.size() / 2)); // FAULT POINT split-batch: the rest follows
        }
        if (batch.isEmpty() && !sendIfEmpty) {
            return false;
        }
        s.send(new AppendEntries(s.id, to, s.term(), prevIndex, prevTerm, batch, s.log.committed()));
        p.sentAppend(batch.size(), prevIndex + batch.size());
        p.sentCommit(s.log.committed());
        return true;
    }

    /**
     * FAULT POINT early-snapshot: the follower is not known to hold everything our snapshot covers, so the
     * snapshot is a legal way to bring it up to date even while we still hold the entries it needs.
     */
    private boolean snapshotEarly(ReplicationProgress p) {
        Snapshot snapshot = s.latestSnapshot();
        return snapshot != null && p.match() < snapshot.meta().index() && s.fires(FaultPoint.EARLY_SNAPSHOT);
    }

    private boolean sendSnapshot(int to, ReplicationProgress p) {
        Snapshot snapshot = s.latestSnapshot();
        if (snapshot == null) {
            throw new IllegalStateException("log of node " + s.id + " is compacted to " + s.log.snapshot()
                    + " but no snapshot is held");
        }
        s.send(new InstallSnapshot(s.id, to, s.term(), snapshot));
        s.took(ProtocolPath.SNAPSHOT_SENT, to);
        p.becomeSnapshot(snapshot.meta().index());
        return true;
    }

    void handleAppendResponse(AppendResponse m) {
        ReplicationProgress p = s.tracker.get(m.from());
        p.setRecentActive(true);
        if (!m.success()) {
            handleRejection(m, p);
            return;
        }
        boolean probeAnswered = p.state() == ProgressState.PROBE && p.match() == m.index();
        if (!p.maybeUpdate(m.index()) && !probeAnswered) {
            return; // a stale or duplicated acknowledgement
        }
        if (p.state() == ProgressState.PROBE
                || (p.state() == ProgressState.SNAPSHOT && p.match() + 1 >= s.log.firstIndex())) {
            p.becomeProbe();
            p.becomeReplicate();
        }
        maybeCommit();
        s.replicationPending = true; // room in this pipeline, maybe a new commit index for everyone
        if (m.from() == s.transferTarget && p.match() == s.log.lastIndex()) {
            sendTimeoutNow(m.from());
        }
    }

    /** Fast backtracking: jump to the follower's hint, refined by our own terms around it. */
    private void handleRejection(AppendResponse m, ReplicationProgress p) {
        long probe = m.conflictIndex();
        if (m.conflictTerm() > 0) {
            probe = s.log.findConflictByTerm(m.conflictIndex(), m.conflictTerm()).index();
        }
        if (s.fires(FaultPoint.SLOW_BACKTRACK)) {
            // FAULT POINT slow-backtrack: back up one batch below the hint, as a cautious leader without the
            // conflict-term refinement would; any index above the match is safe, the follower re-accepts.
            probe = Math.max(p.match(), probe - s.config.maxEntriesPerAppend());
        }
        if (p.maybeDecreaseTo(m.index(), probe)) {
            if (p.state() == ProgressState.REPLICATE) {
                p.becomeProbe();
            }
            sendAppend(m.from(), true);
        }
    }

    void handleHeartbeatResponse(HeartbeatResponse m) {
        ReplicationProgress p = s.tracker.get(m.from());
        p.heartbeatAnswered();
        if (p.snapshotOverdue(s.config.electionTimeoutTicks())) {
            p.becomeProbe(); // the snapshot was probably lost; offer it again
        }
        if (p.match() < s.log.lastIndex()) {
            if (p.state() == ProgressState.REPLICATE && p.inflightCount() > 0 && s.fires(FaultPoint.RESEND_INFLIGHT)) {
                p.becomeProbe(); // FAULT POINT resend-inflight: back to match + 1, in-flight entries sent again
            }
            sendAppend(m.from(), true);
        }
        confirmation.acknowledge(m.from(), m.round());
    }

    /** Raft §5.4.2: only an entry of the current term is committed by counting replicas. */
    boolean maybeCommit() {
        boolean wasCurrent = s.committedInCurrentTerm();
        if (!s.log.maybeCommit(s.tracker.quorumMatchIndex(), s.term())) {
            return false;
        }
        if (!wasCurrent) {
            confirmation.firstCommitInTerm();
        }
        return true;
    }

    /** Leader's tick: CheckQuorum and transfer deadline every election timeout, heartbeats every interval. */
    void tick() {
        s.tracker.tick();
        s.heartbeatElapsedTicks++;
        s.electionElapsedTicks++;
        if (s.electionElapsedTicks >= s.config.electionTimeoutTicks()) {
            s.electionElapsedTicks = 0;
            boolean checkQuorum = s.config.checkQuorum() && !skipsCheckQuorumDeviation();
            if (checkQuorum && !s.tracker.quorumRecentlyActive()) {
                s.becomeFollower(s.term(), 0); // we may be partitioned away: stop claiming leadership
                s.took(ProtocolPath.STEP_DOWN_CHECK_QUORUM, 0);
                return;
            }
            s.transferTarget = 0; // the transfer did not finish within an election timeout: abort it
        }
        // FAULT POINT late-heartbeat: a round may start a tick late; a lease only gets shorter for it.
        if (s.heartbeatElapsedTicks >= s.config.heartbeatIntervalTicks() && !s.fires(FaultPoint.LATE_HEARTBEAT)) {
            s.heartbeatElapsedTicks = 0;
            confirmation.startRound();
        }
    }

    /**
     * {@link KnownBug#STICKY_LEADER_FOREVER}: with CheckQuorum a leader steps down after an election timeout without
     * hearing from a majority; the deviation never checks, so a cut-off leader keeps claiming leadership.
     */
    private boolean skipsCheckQuorumDeviation() {
        return s.bugs.on(KnownBug.STICKY_LEADER_FOREVER);
    }

    void transferLeadership(int to) {
        if (to != s.id && !s.configuration().isVoter(to)) {
            return; // only a voter can be elected; a learner or a stranger is no target
        }
        if (s.role() != Role.LEADER || to == s.transferTarget) {
            return;
        }
        if (to == s.id) {
            s.transferTarget = 0; // "transfer to myself" cancels a transfer in progress
            return;
        }
        s.transferTarget = to;
        s.electionElapsedTicks = 0; // the deadline: one election timeout from now
        if (s.tracker.get(to).match() == s.log.lastIndex()) {
            sendTimeoutNow(to);
        } else {
            sendAppend(to, true);
        }
    }

    /** After this the target may win at any moment, ignoring followers' stickiness: no more lease reads. */
    private void sendTimeoutNow(int to) {
        s.send(new TimeoutNow(s.id, to, s.term()));
        s.leaseRevoked = true;
    }

    void reportUnreachable(int peer) {
        if (s.role() != Role.LEADER || peer == s.id || !s.tracker.tracks(peer)) {
            return;
        }
        ReplicationProgress p = s.tracker.get(peer);
        if (p.state() != ProgressState.PROBE) {
            p.becomeProbe();
        }
    }
}
