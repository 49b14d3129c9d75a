package io.tumbler.raft;

import java.util.List;

/**
 * The pure Raft state machine (Raft paper; Ongaro's dissertation for PreVote, CheckQuorum,
 * ReadIndex, leases and leadership transfer). Inputs: {@link #tick()}, {@link #step(Message)},
 * {@link #propose}, {@link #readIndex}, {@link #leaseRead}, {@link #transferLeadership},
 * {@link #compact}. Output: {@link Ready} batches that the driver executes — persist and sync,
 * then send, then apply (see {@link Ready}) — and acknowledges with {@link #advance(Ready)}.
 *
 * <p>Hard state (term, vote) changes surface in the next Ready; the driver MUST make that Ready's
 * hard state and entries durable BEFORE sending any of its messages, because those messages (a
 * vote, an append acknowledgement) promise what only durable state backs.
 *
 * <p>The core never reads a clock, does I/O, starts a thread or draws global randomness; time is
 * counted in ticks and election jitter comes from the injected {@link JitterSource}. It is not
 * thread-safe: all calls come from one thread or one serial executor. Broken invariants (a term
 * going back, two votes in a term, a commit beyond the log, two leaders in a term) throw
 * {@link IllegalStateException} with the node, term and index involved.
 */
public final class RaftCore {
    private final RaftState s;
    private final LeadershipConfirmation confirmation;
    private final LeaderReplication leader;
    private final FollowerReplication follower;
    private final Election election;
    /** The node restarted from durable state: it may have acknowledged a leader lease just before. */
    private final boolean restarted;

    private SoftState reportedSoftState;
    private HardState reportedHardState;
    private LogConfiguration reportedConfiguration;
    private Ready outstanding;

    /** A core without fault points: the production setting. */
    public RaftCore(RaftConfig config, JitterSource jitter, RecoveredState recovered) {
        this(config, jitter, recovered, FaultPoints.NONE);
    }

    /**
     * A core that consults {@code faultPoints} at each {@link FaultPoint} of the core (simulation only;
     * every point is a legal path, see {@link FaultPoint}).
     */
    public RaftCore(RaftConfig config, JitterSource jitter, RecoveredState recovered, FaultPoints faultPoints) {
        this(config, jitter, recovered, faultPoints, ProtocolPaths.NONE);
    }

    /**
     * A core that also reports each {@link ProtocolPath} it takes to {@code paths} (for an observer counting
     * which paths a run exercised); reporting never changes what the core does.
     */
    public RaftCore(RaftConfig config, JitterSource jitter, RecoveredState recovered, FaultPoints faultPoints,
                    ProtocolPaths paths) {
        if (faultPoints == null || paths == null) {
            throw new IllegalArgumentException("faultPoints and paths must not be null (use FaultPoints.NONE, "
                    + "ProtocolPaths.NONE)");
        }
        this.s = new RaftState(config, jitter, recovered, faultPoints, paths);
        this.confirmation = new LeadershipConfirmation(s);
        this.leader = new LeaderReplication(s, confirmation);
        this.follower = new FollowerReplication(s);
        this.election = new Election(s, leader);
        this.restarted = recovered.hardState().term() > 0;
        this.reportedSoftState = s.softState();
        this.reportedHardState = recovered.hardState();
        this.reportedConfiguration = s.logConfiguration();
    }

    /** Advances logical time by one tick: election timer, or heartbeats and CheckQuorum on a leader. */
    public void tick() {
        s.nowTicks++;
        if (s.role() == Role.LEADER) {
            leader.tick();
            s.syncConfiguration();
            return;
        }
        s.electionElapsedTicks++;
        if (s.electionElapsedTicks >= s.randomizedElectionTimeoutTicks) {
            s.electionElapsedTicks = 0;
            if (trustsKnownLeaderForeverDeviation()) {
                return;
            }
            election.campaign(false, 0);
            s.syncConfiguration();
        }
    }

    /**
     * {@link KnownBug#STICKY_LEADER_FOREVER}: a follower that hears nothing for an election timeout campaigns; the
     * deviation trusts a known leader forever, silence or not.
     */
    private boolean trustsKnownLeaderForeverDeviation() {
        return s.bugs.on(KnownBug.STICKY_LEADER_FOREVER) && s.leaderId() != 0;
    }

    /**
     * Processes one inbound message. Messages may be stale, duplicated or reordered, and may come from nodes
     * outside this node's configuration (a member it has not learned of yet, a removed one); one addressed to
     * another node or claiming to come from itself is a wiring bug ({@link IllegalArgumentException}).
     */
    public void step(Message m) {
        if (m.to() != s.id || m.from() == s.id || m.from() <= 0) {
            throw new IllegalArgumentException("node " + s.id + " cannot accept " + m);
        }
        stepMessage(m);
        s.syncConfiguration();
    }

    private void stepMessage(Message m) {
        if (m.term() > s.term()) {
            if (!adoptHigherTerm(m)) {
                return;
            }
        } else if (m.term() < s.term()) {
            if (!acceptsStaleAppendDeviation(m) && !countsStaleResponseDeviation(m)) {
                answerStale(m);
            }
            return;
        }
        dispatch(m);
    }

    /** Raft §5.1: a higher term makes us a follower, except for (pre-)votes we must not let disrupt us. */
    private boolean adoptHigherTerm(Message m) {
        if (m instanceof RequestVote vote) {
            if (!vote.transfer() && recentlyHeardFromLeader()) {
                s.took(ProtocolPath.VOTE_REQUEST_IGNORED_STICKY_LEADER, m.from());
                return false; // leader stickiness (dissertation §4.2.3): ignore, do not even raise the term
            }
            if (vote.preVote()) {
                return true;
            }
        }
        if (m instanceof VoteResponse response && response.preVote() && response.granted()) {
            return true; // a granted pre-vote carries the term we would campaign in
        }
        boolean fromLeader = m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot;
        boolean wasLeader = s.role() == Role.LEADER;
        s.becomeFollower(m.term(), fromLeader ? m.from() : 0);
        if (wasLeader) {
            s.took(ProtocolPath.STEP_DOWN_HIGHER_TERM, m.from());
        }
        return true;
    }

    private boolean recentlyHeardFromLeader() {
        if (!s.config.checkQuorum()) {
            return false;
        }
        int timeout = s.config.electionTimeoutTicks();
        return (s.leaderId() != 0 && s.electionElapsedTicks < timeout) || (restarted && s.nowTicks < timeout)
                || stickinessNeverExpiresDeviation();
    }

    /**
     * {@link KnownBug#STICKY_LEADER_FOREVER}: leader stickiness lasts an election timeout after the leader was last
     * heard; the deviation never lets it expire while a leader is known.
     */
    private boolean stickinessNeverExpiresDeviation() {
        return s.bugs.on(KnownBug.STICKY_LEADER_FOREVER) && s.leaderId() != 0;
    }

    /**
     * A message from an older term. With CheckQuorum or PreVote a deposed leader may never learn
     * the new term from votes (we ignore or pre-vote without raising terms), so tell it explicitly.
     */
    private void answerStale(Message m) {
        boolean fromStaleLeader = m instanceof AppendEntries || m instanceof Heartbeat;
        if (fromStaleLeader && (s.config.checkQuorum() || s.config.preVote())) {
            s.send(new AppendResponse(s.id, m.from(), s.term(), false, 0, 0, 0));
        } else if (m instanceof RequestVote vote && vote.preVote()) {
            s.took(ProtocolPath.PRE_VOTE_REJECTED, m.from());
            s.send(new VoteResponse(s.id, m.from(), s.term(), true, false));
        } else if (m instanceof RequestVote) {
            s.took(ProtocolPath.VOTE_REJECTED_STALE_TERM, m.from()); // dropped: the candidate learns nothing
        }
    }

    /**
     * {@link KnownBug#STALE_TERM_APPEND}: a follower rejects an append from an older term's leader; the deviation
     * accepts it as if it were current. True if it took over.
     */
    private boolean acceptsStaleAppendDeviation(Message m) {
        if (m instanceof AppendEntries append && s.bugs.on(KnownBug.STALE_TERM_APPEND) && s.role() == Role.FOLLOWER) {
            follower.handleAppendEntries(append);
            return true;
        }
        return false;
    }

    /**
     * {@link KnownBug#STALE_RESPONSE_COUNTED}: a leader ignores acknowledgements from older terms; the deviation counts
     * them towards replication progress and commit. True if it took over.
     */
    private boolean countsStaleResponseDeviation(Message m) {
        if (m instanceof AppendResponse response && response.success()
                && s.bugs.on(KnownBug.STALE_RESPONSE_COUNTED) && s.role() == Role.LEADER && s.tracker.tracks(m.from())) {
            leader.handleAppendResponse(response);
            return true;
        }
        return false;
    }

    private void dispatch(Message m) {
        if (m instanceof RequestVote vote) {
            election.handleRequestVote(vote);
        } else if (m instanceof VoteResponse response) {
            election.handleVoteResponse(response);
        } else if (m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot) {
            fromCurrentLeader(m);
        } else if (m instanceof AppendResponse response) {
            if (s.role() == Role.LEADER && s.tracker.tracks(m.from())) {
                leader.handleAppendResponse(response);
            }
        } else if (m instanceof HeartbeatResponse response) {
            if (s.role() == Role.LEADER && s.tracker.tracks(m.from())) {
                leader.handleHeartbeatResponse(response);
            }
        } else if (m instanceof TimeoutNow) {
            if (s.role() == Role.FOLLOWER) {
                election.campaign(true, m.from());
            }
        }
    }

    private void fromCurrentLeader(Message m) {
        if (s.role() == Role.LEADER || (s.leaderId() != 0 && s.leaderId() != m.from())) {
            throw new IllegalStateException("election safety: node " + s.id + " sees leader " + m.from() + " in term "
                    + s.term() + " but " + (s.role() == Role.LEADER ? "leads it itself" : "knows leader " + s.leaderId()));
        }
        if (s.role() != Role.FOLLOWER) {
            s.becomeFollower(s.term(), m.from());
        } else {
            s.followLeader(m.from());
        }
        s.electionElapsedTicks = 0;
        if (m instanceof AppendEntries append) {
            follower.handleAppendEntries(append);
        } else if (m instanceof Heartbeat heartbeat) {
            follower.handleHeartbeat(heartbeat);
        } else {
            follower.handleInstallSnapshot((InstallSnapshot) m);
        }
    }

    /** Starts an election now (PreVote first if configured), as if the election timer had fired. */
    public void campaign() {
        election.campaign(false, 0);
        s.syncConfiguration();
    }

    /** Appends a client command if this node leads and accepts proposals; the bytes are copied. */
    public ProposeResult propose(byte[] command) {
        return leader.propose(command);
    }

    /**
     * Proposes a single-server membership change (dissertation §4.1, §4.2.3): adding a learner, promoting one,
     * removing a voter or learner. The new configuration is in effect on this leader at once, and on each node as
     * soon as the entry is in its log. Refused, with the reason, unless this node leads, no transfer is running,
     * an entry of the current term has committed, and no other change is uncommitted. A leader that removes
     * itself keeps leading until the change commits (counting only the remaining voters), then steps down.
     */
    public ConfigChangeResult proposeConfigChange(ConfigChange change) {
        return leader.proposeConfigChange(change);
    }

    /** The configuration this node uses now (the latest in its log, committed or not) and where it comes from. */
    public LogConfiguration configuration() {
        return s.logConfiguration();
    }

    /**
     * The configuration a snapshot covering {@code index} must carry (null: the bootstrap one is still in effect
     * there); {@code index} must not be beyond the log. Below the core's own snapshot (a leader's snapshot
     * overtook the driver's, which it supersedes) the answer is the configuration at the core's snapshot.
     */
    public Configuration snapshotConfigurationAt(long index) {
        if (index > s.log.lastIndex()) {
            throw new IllegalArgumentException("index " + index + " is beyond the last index " + s.log.lastIndex());
        }
        return s.log.snapshotConfigurationAt(index);
    }

    /**
     * Registers a linearizable read (ReadIndex, dissertation §6.4): the returned {@link ReadState}
     * carries the commit index at registration and is released once a heartbeat round started
     * after registration is acknowledged by a majority. Reads arriving before an entry of the
     * leader's term commits wait for it.
     */
    public ReadResult readIndex(long requestId) {
        return confirmation.readIndex(requestId);
    }

    /**
     * Registers a lease read (dissertation §6.4.1), answered in the next Ready without a round trip
     * while the lease holds: {@code checkQuorum} on, an entry of this term committed, no transfer
     * this term, and a majority confirmed a heartbeat round that started fewer than
     * {@code electionTimeoutTicks - leaseDriftBoundTicks} ticks ago. Ticks must track real time.
     */
    public ReadResult leaseRead(long requestId) {
        return confirmation.leaseRead(requestId);
    }

    /**
     * Starts transferring leadership to {@code to} (dissertation §3.10): proposals are dropped
     * while it runs; the target gets TimeoutNow once its log is current; the transfer is abandoned
     * after an election timeout. Ignored unless leader; {@code to == self} cancels a transfer.
     */
    public void transferLeadership(int to) {
        leader.transferLeadership(to);
    }

    /**
     * Tells the core the driver took a snapshot covering {@code index} (at most the applied index)
     * and compacted its stored log up to it. The core drops those entries and sends this snapshot
     * to followers that need them. A snapshot not newer than the current one is ignored (a
     * leader's snapshot may have overtaken it).
     */
    public void compact(long index, byte[] snapshotData) {
        compact(index, snapshotData, null);
    }

    /**
     * As {@link #compact(long, byte[])}, recording {@code stateDigest} (the state machine's digest at {@code index};
     * null: none) in the snapshot sent to followers, which check what they restore against it.
     */
    public void compact(long index, byte[] snapshotData, Long stateDigest) {
        if (index <= s.log.snapshot().index()) {
            return;
        }
        SnapshotMeta meta = s.log.compact(index);
        s.setLatestSnapshot(new Snapshot(stateDigest == null ? meta : meta.withStateDigest(stateDigest),
                snapshotData.clone()));
    }

    /** An optional transport hint that a message to {@code peer} was not delivered: probe it again. */
    public void reportUnreachable(int peer) {
        leader.reportUnreachable(peer);
    }

    /** True when there is work for the driver and no Ready is outstanding. */
    public boolean hasReady() {
        if (outstanding != null) {
            return false;
        }
        return (s.replicationPending && s.role() == Role.LEADER) || !s.logConfiguration().equals(reportedConfiguration)
                || !s.softState().equals(reportedSoftState) || !s.hardState().equals(reportedHardState)
                || s.log.unstable().firstUnstableIndex() <= s.log.lastIndex() || s.log.unstable().pendingSnapshot() != null
                || s.hasOutbox() || s.log.hasEntriesToApply() || s.hasReadStates();
    }

    /** Takes the pending work; it must be {@link #advance advanced} before the next call. */
    public Ready ready() {
        if (outstanding != null) {
            throw new IllegalStateException("node " + s.id + ": ready() called again before advance()");
        }
        leader.flushPending();
        SoftState soft = s.softState();
        HardState hard = s.hardState();
        if (s.bugs.isEmpty()) { // a known bug breaks these invariants on purpose: the checks must catch it
            HardStateGuard.checkTransition(s.id, reportedHardState, hard, s.log.lastIndex());
        }
        LogConfiguration configuration = s.logConfiguration();
        outstanding = new Ready(soft.equals(reportedSoftState) ? null : soft, hard.equals(reportedHardState) ? null : hard,
                s.log.entriesToPersist(), s.log.unstable().pendingSnapshot(), s.drainOutbox(), s.log.entriesToApply(),
                s.drainReadStates(), configuration.equals(reportedConfiguration) ? null : configuration);
        reportedSoftState = soft;
        reportedHardState = hard;
        reportedConfiguration = configuration;
        return outstanding;
    }

    /** Acknowledges that {@code ready} was fully executed: persisted, sent, applied. */
    public void advance(Ready ready) {
        if (ready == null || ready != outstanding) {
            throw new IllegalStateException("node " + s.id + ": advance() with a Ready that is not the outstanding one");
        }
        outstanding = null;
        if (ready.snapshotToInstall() != null) {
            s.log.unstable().snapshotPersisted(ready.snapshotToInstall());
        }
        s.log.unstable().persisted(ready.entriesToPersist(), s.log);
        List<Entry> applied = ready.committedEntries();
        if (!applied.isEmpty()) {
            s.log.appliedTo(applied.get(applied.size() - 1).index());
        }
    }

    /** The current externally visible state. */
    public Status status() {
        List<PeerStatus> progress = s.role() == Role.LEADER ? s.tracker.describe() : List.of();
        return new Status(s.id, s.role(), s.term(), s.votedFor(), s.leaderId(), s.log.committed(), s.log.applied(),
                s.log.firstIndex(), s.log.lastIndex(), s.log.snapshot().index(), s.transferTarget, progress,
                s.configuration());
    }
}
