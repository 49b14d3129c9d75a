package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The mutable state of one core, shared by its role-specific parts ({@link Election},
 * {@link LeaderReplication}, {@link FollowerReplication}, {@link LeadershipConfirmation}), with the
 * role transitions of Raft §5.2 and the invariants on the fields they govern: the term never
 * decreases, and a node votes at most once per term.
 */
final class RaftState {
    final RaftConfig config;
    final int id;
    final RaftLog log;
    final ProgressTracker tracker;
    final HeartbeatRounds rounds = new HeartbeatRounds();
    final ReadOnlyQueue reads = new ReadOnlyQueue();
    /** Deliberate bugs switched on for a simulation; {@link KnownBugs#NONE} otherwise. */
    final KnownBugs bugs;
    /** Where a simulation steers the core onto rare legal paths; {@link FaultPoints#NONE} otherwise. */
    final FaultPoints faultPoints;
    /** Where the core reports the protocol paths it takes; {@link ProtocolPaths#NONE} in production. */
    final ProtocolPaths paths;

    private final JitterSource jitter;
    private final List<Message> outbox = new ArrayList<>();
    private final List<ReadState> readStates = new ArrayList<>();

    private long term;
    private int votedFor;
    private int leaderId;
    private Role role = Role.FOLLOWER;
    private Snapshot latestSnapshot;
    /** The configuration in use: always the latest in the log ({@link #syncConfiguration}). */
    private LogConfiguration configuration;

    /** Ticks since the last election-timer reset; on a leader, since the last CheckQuorum. */
    int electionElapsedTicks;
    int heartbeatElapsedTicks;
    int randomizedElectionTimeoutTicks;
    /** Ticks since this core was created: the leader's lease clock. */
    long nowTicks;
    /** The node leadership is being transferred to, or 0. */
    int transferTarget;
    /** A TimeoutNow was sent in this term: another leader may appear at any moment, so no lease. */
    boolean leaseRevoked;
    /** A heartbeat round was started since the last Ready; a read may ride on it. */
    boolean roundInOutbox;
    /**
     * New entries or a new commit index wait to be sent; flushed once per Ready so that proposals
     * made between two Readies leave as one batch per follower.
     */
    boolean replicationPending;

    RaftState(RaftConfig config, JitterSource jitter, RecoveredState recovered, FaultPoints faultPoints,
              ProtocolPaths paths) {
        this.config = config;
        this.faultPoints = faultPoints;
        this.paths = paths;
        this.id = config.id();
        this.jitter = jitter;
        this.bugs = config.knownBugs();
        this.log = new RaftLog(recovered, bugs, Configuration.ofVoters(config.peers()));
        this.configuration = log.configuration();
        this.tracker = new ProgressTracker(id, configuration.configuration(), bugs);
        this.term = recovered.hardState().term();
        this.votedFor = recovered.hardState().votedFor();
        this.latestSnapshot = recovered.snapshot();
        if (votedFor < 0) {
            throw new IllegalStateException("recovered an invalid vote for " + votedFor);
        }
        resetElectionTimer();
    }

    long term() {
        return term;
    }

    Configuration configuration() {
        return configuration.configuration();
    }

    LogConfiguration logConfiguration() {
        return configuration;
    }

    /**
     * Adopts the latest configuration in the log if it changed (an append, a truncation, a snapshot): quorums
     * switch at once (dissertation §4.1: a server uses the latest configuration in its log, committed or not),
     * a leader starts or stops replicating to the members that came or went, a transfer to a node that is no
     * longer a voter is abandoned.
     */
    void syncConfiguration() {
        LogConfiguration latest = log.configuration();
        if (latest.equals(configuration)) {
            return;
        }
        configuration = latest;
        tracker.reconfigure(latest.configuration(), role == Role.LEADER, log.lastIndex(), config.maxInflightAppends());
        if (transferTarget != 0 && !latest.configuration().isVoter(transferTarget)) {
            transferTarget = 0;
        }
    }

    /**
     * Only voters campaign; and a node whose removal is in its log but not committed, so that a leader that
     * removed itself and lost its quorum before the removal committed (CheckQuorum) can still finish it: the
     * remaining voters may lack the entry and could not elect one of their own without its vote. Votes are
     * counted over the latest configuration either way, so its own vote does not count.
     */
    boolean mayCampaign() {
        if (configuration().isVoter(id)) {
            return true;
        }
        return configuration.index() > log.committed()
                && log.configurationAt(configuration.index() - 1).configuration().isVoter(id);
    }

    /**
     * The nodes a leader replicates to, itself excluded, ascending: the members, and while the change that removed
     * a node is uncommitted, that node too, so that it learns of its removal and stops campaigning (it counts in
     * no quorum meanwhile).
     */
    List<Integer> replicationTargets() {
        TreeSet<Integer> out = new TreeSet<>(configuration().members());
        if (configuration.index() > log.committed()) {
            out.addAll(log.configurationAt(configuration.index() - 1).configuration().members());
        }
        out.remove(id);
        return List.copyOf(out);
    }

    int votedFor() {
        return votedFor;
    }

    int leaderId() {
        return leaderId;
    }

    Role role() {
        return role;
    }

    Snapshot latestSnapshot() {
        return latestSnapshot;
    }

    void setLatestSnapshot(Snapshot snapshot) {
        this.latestSnapshot = snapshot;
    }

    /** Records our vote in the current term: at most one candidate per term (Raft §5.2). */
    void voteFor(int candidate) {
        if (votedFor != 0 && votedFor != candidate) {
            throw new IllegalStateException("node " + id + " already voted for " + votedFor + " in term " + term
                    + ", cannot vote for " + candidate);
        }
        votedFor = candidate;
    }

    /** A follower learns who leads the current term. */
    void followLeader(int leader) {
        if (role != Role.FOLLOWER) {
            throw new IllegalStateException("only a follower adopts a leader, node " + id + " is " + role);
        }
        leaderId = leader;
    }

    void becomeFollower(long newTerm, int leader) {
        forgetsVoteOnStepDownDeviation(newTerm);
        reset(newTerm);
        role = Role.FOLLOWER;
        leaderId = leader;
    }

    /**
     * {@link KnownBug#VOTE_CLEARED_ON_STEP_DOWN}: a node keeps the vote it cast in a term for the whole term
     * (§5.2); the deviation forgets it when it steps down to follower within that same term.
     */
    private void forgetsVoteOnStepDownDeviation(long newTerm) {
        if (bugs.on(KnownBug.VOTE_CLEARED_ON_STEP_DOWN) && newTerm == term) {
            votedFor = 0;
        }
    }

    /** PreVote: ask without raising the term, so a partitioned node cannot disrupt the cluster. */
    void becomePreCandidate() {
        requireNotLeader(Role.PRE_CANDIDATE);
        tracker.resetVotes();
        role = Role.PRE_CANDIDATE;
        leaderId = 0;
        resetElectionTimer();
    }

    void becomeCandidate() {
        requireNotLeader(Role.CANDIDATE);
        reset(term + 1);
        voteFor(id);
        role = Role.CANDIDATE;
    }

    void becomeLeader() {
        if (role != Role.CANDIDATE) {
            throw new IllegalStateException("node " + id + " became leader from " + role + " in term " + term);
        }
        reset(term);
        role = Role.LEADER;
        leaderId = id;
        tracker.resetForLeader(replicationTargets(), log.lastIndex(), config.maxInflightAppends());
    }

    /** Everything that is per-term or per-role starts afresh; the term only ever moves forward. */
    private void reset(long newTerm) {
        if (newTerm < term) {
            throw new IllegalStateException("node " + id + " term would go back from " + term + " to " + newTerm);
        }
        if (newTerm != term) {
            term = newTerm;
            votedFor = 0;
            // Messages not yet handed out were decided in the old term: an acknowledgement among them may name
            // entries a newer leader has just made this node truncate from its unsynced tail, and would reach
            // a stale leader of the old term after the truncation is durable. Dropping them is a message loss.
            outbox.removeIf(m -> m.term() < newTerm);
        }
        leaderId = 0;
        electionElapsedTicks = 0;
        heartbeatElapsedTicks = 0;
        resetElectionTimer();
        transferTarget = 0;
        leaseRevoked = false;
        roundInOutbox = false;
        replicationPending = false;
        tracker.resetVotes();
        tracker.clearProgress();
        rounds.reset();
        reads.reset();
    }

    /** Raft §5.2: a fresh random timeout in [T, 2T) so that split votes rarely repeat. */
    void resetElectionTimer() {
        int timeout = config.electionTimeoutTicks();
        randomizedElectionTimeoutTicks = timeout + jitter.nextInt(timeout);
    }

    /** True if the simulation steers this hit of {@code point} onto its rare path (never in production). */
    boolean fires(FaultPoint point) {
        return faultPoints != FaultPoints.NONE && faultPoints.fires(point);
    }

    /** Reports that the core took {@code path} (with {@code peer}, or 0) in the current term. */
    void took(ProtocolPath path, int peer) {
        if (paths != ProtocolPaths.NONE) {
            paths.taken(path, peer, term);
        }
    }

    /** True when this node is the only voter: it alone is a majority. */
    boolean singleVoter() {
        List<Integer> voters = configuration().voters();
        return voters.size() == 1 && voters.get(0) == id;
    }

    /** True once an entry of the current term is committed: the leader's commit index is then current. */
    boolean committedInCurrentTerm() {
        return log.term(log.committed()) == term;
    }

    void send(Message message) {
        if (message.from() != id || message.to() == id) {
            throw new IllegalStateException("node " + id + " sending malformed " + message);
        }
        outbox.add(message);
    }

    boolean hasOutbox() {
        return !outbox.isEmpty();
    }

    List<Message> drainOutbox() {
        List<Message> out = List.copyOf(outbox);
        outbox.clear();
        roundInOutbox = false;
        return out;
    }

    void addReadStates(List<ReadState> states) {
        readStates.addAll(states);
    }

    boolean hasReadStates() {
        return !readStates.isEmpty();
    }

    List<ReadState> drainReadStates() {
        List<ReadState> out = List.copyOf(readStates);
        readStates.clear();
        return out;
    }

    HardState hardState() {
        return new HardState(term, votedFor, log.committed());
    }

    SoftState softState() {
        return new SoftState(leaderId, role);
    }

    private void requireNotLeader(Role target) {
        if (role == Role.LEADER) {
            throw new IllegalStateException("leader " + id + " cannot become " + target + " in term " + term);
        }
    }
}
