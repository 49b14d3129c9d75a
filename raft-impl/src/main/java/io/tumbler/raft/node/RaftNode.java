package io.tumbler.raft.node;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.Entry;
import io.tumbler.raft.EntryType;
import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.FaultPoints;
import io.tumbler.raft.HardState;
import io.tumbler.raft.InstallSnapshot;
import io.tumbler.raft.JitterSource;
import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.raft.LogConfiguration;
import io.tumbler.raft.Message;
import io.tumbler.raft.ProposeResult;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.ProtocolPaths;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.RaftCore;
import io.tumbler.raft.ReadResult;
import io.tumbler.raft.ReadState;
import io.tumbler.raft.Ready;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Role;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.SnapshotMeta;
import io.tumbler.raft.SoftState;
import io.tumbler.raft.Status;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a {@link RaftCore} against its ports: the node driver.
 *
 * <p><b>The Ready loop.</b> For each {@link Ready}: persist the snapshot, entries and hard state to
 * {@link LogStorage}, {@link LogStorage#sync sync}, and only when the sync has completed send the Ready's
 * messages (persist before send), restore/apply committed entries to the {@link StateMachine}, answer reads
 * and clients (acknowledge only after apply), then {@code advance}. One Ready is in flight at a time; inputs
 * arriving meanwhile go into the core and come out in the next Ready.
 *
 * <p><b>Fail-stop.</b> A failed sync or a storage I/O error halts the node for good: it answers nothing
 * more, emits {@link Observation.Halted} and calls the halt handler, whose job is to end the process (a
 * real server) or crash the simulated one. Retrying an fsync is unsafe (see {@link SyncResult}); recovery
 * from what is durable after a restart is safe.
 *
 * <p><b>Client sessions.</b> {@link #submit} wraps {@code (clientId, sequence, command)} into the entry
 * ({@link ClientCommand}); on apply, a {@link SessionTable} answers a duplicate from its cache instead of
 * applying it again, so any state machine gets exactly-once application. Sessions are part of snapshots.
 *
 * <p><b>Fault points.</b> A simulation may inject {@link FaultPoints} (the builder's default is
 * {@link FaultPoints#NONE}); the node consults them at {@link FaultPoint#DELAY_SYNC} and
 * {@link FaultPoint#COMPACT_EARLY} and hands them to the core for the others. Each is a legal path: a
 * delayed sync still holds the Ready's messages until it completes (persist before send).
 *
 * <p><b>Threading.</b> Single-threaded by contract: every method, every ticker tick, every inbound message
 * and every storage callback on one thread or serial executor. Callbacks to clients run on that thread,
 * synchronously; they may call back into the node. The node never reads a clock; time is {@link #tick}.
 */
public final class RaftNode {
    /** FAULT POINT compact-early may snapshot once this fraction (1/16) of the snapshot interval is applied. */
    private static final int COMPACT_EARLY_DIVISOR = 16;

    private final RaftConfig config;
    private final JitterSource jitter;
    private final LogStorage storage;
    private final Transport transport;
    private final StateMachine stateMachine;
    private final Ticker ticker;
    private final RaftObserver observer;
    private final Consumer<String> haltHandler;
    private final int snapshotEveryEntries;
    private final FaultPoints faultPoints;
    private final int id;
    private final SessionTable sessions;
    private final PendingProposals proposals = new PendingProposals();
    private final PendingReads reads = new PendingReads();
    /** Configuration changes proposed here and not yet answered: index -> (term, callback). */
    private final TreeMap<Long, PendingConfigChange> configChanges = new TreeMap<>();
    /** The rejoin handshake, both the joining host's side and the leader's. */
    private final JoinHandshake joins;

    private RaftCore core;
    private Role role = Role.FOLLOWER;
    private int leaderId;
    /** Invariant: appliedIndex >= snapshotIndex; appliedTerm is the term of the entry at appliedIndex. */
    private long appliedIndex;
    private long appliedTerm;
    private long snapshotIndex;
    /** The last index in (possibly unsynced) storage, to tell an overwrite from an append. */
    private long storedLastIndex;
    private HardState durableHardState = HardState.EMPTY;
    private long nextReadId = 1;
    private boolean driving;
    private boolean syncInFlight;
    private boolean stopped;
    /** KNOWN BUG ack-before-sync: the outstanding Ready's messages already left before its sync. */
    private boolean sentBeforeSync;
    private String haltReason;
    /** FAULT POINT delay-sync: a completed sync not yet acted on (its Ready's messages still held), or null. */
    private Ready delayedSyncReady;
    private SyncResult delayedSyncResult;

    private RaftNode(RaftNodeBuilder b) {
        this.config = b.config;
        this.jitter = b.jitter;
        this.storage = b.storage;
        this.transport = b.transport;
        this.stateMachine = b.stateMachine;
        this.ticker = b.ticker;
        this.observer = b.observer;
        this.haltHandler = b.haltHandler;
        this.snapshotEveryEntries = b.snapshotEveryEntries;
        this.faultPoints = b.faultPoints;
        this.id = b.config.id();
        this.sessions = new SessionTable(b.maxClientSessions);
        this.joins = new JoinHandshake(this, b.hostIdentity, b.nonces, b.config.knownBugs());
    }

    /** A builder; see {@link RaftNodeBuilder} for what is required. */
    public static RaftNodeBuilder builder() {
        return new RaftNodeBuilder(RaftNode::new);
    }

    /**
     * Recovers from storage (restoring the state machine from the latest snapshot; committed entries after
     * it are re-applied as the core re-emits them), creates the core and starts the ticker. Throws if the
     * storage cannot be recovered (a corrupt log): such a node must not join the cluster.
     */
    public void start() {
        if (core != null || stopped) {
            throw new IllegalStateException("node " + id + " was already started");
        }
        RecoveredState recovered = storage.load();
        if (recovered.snapshot() != null) {
            restoreStateMachine(recovered.snapshot());
        }
        List<Entry> entries = recovered.entries();
        storedLastIndex = entries.isEmpty() ? snapshotIndex : entries.get(entries.size() - 1).index();
        durableHardState = recovered.hardState();
        ProtocolPaths paths = observer.enabled() ? this::observePath : ProtocolPaths.NONE;
        core = new RaftCore(config, jitter, recovered, faultPoints, paths);
        HardState h = durableHardState;
        if (observer.enabled()) {
            observer.observe(new Observation.Recovered(id, h.term(), h.votedFor(), h.commitIndex(), snapshotIndex,
                    recovered.snapshotMeta().term(), storedLastIndex, entryRefs(entries)));
        }
        LogConfiguration configuration = core.configuration();
        if (configuration.index() != 0) { // the bootstrap configuration is implied: journals without changes stay as they were
            observeConfiguration(configuration);
        }
        if (ticker != null) {
            ticker.start(this::tick);
        }
        drive();
    }

    private static List<Observation.EntryRef> entryRefs(List<Entry> entries) {
        List<Observation.EntryRef> refs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            refs.add(new Observation.EntryRef(e.index(), e.term(), e.digest()));
        }
        return refs;
    }

    /** One tick of logical time (called by the {@link Ticker}, or by the owner when there is none). */
    public void tick() {
        if (running()) {
            joins.tick();
            core.tick();
            releaseDelayedSync();
            drive();
        }
    }

    /**
     * Delivers an inbound message; messages for another node, or to a halted node, are dropped. Rejoin handshake
     * messages go to the driver's handshake, never to the core.
     */
    public void receive(Message message) {
        if (running() && message.to() == id) {
            if (JoinHandshake.isHandshake(message)) {
                joins.receive(message);
            } else if (!(message instanceof InstallSnapshot m && refusesSnapshot(m))) {
                core.step(message);
            }
            drive();
        }
    }

    /**
     * Asks {@code leader} to admit this node (the rejoin handshake, {@link io.tumbler.raft.membership}): a new,
     * returning or wiped host calls it until it is a member; each call is a fresh handshake. Needs a
     * {@link RaftNodeBuilder#hostIdentity host identity}; without one it does nothing.
     */
    public void requestJoin(int leader) {
        if (running()) {
            joins.request(leader);
        }
    }

    /**
     * Submits client command {@code sequence} of session {@code clientId}. The callback is called at most
     * once, on the node's thread; it is not called if the node halts or the outcome never becomes known
     * here (the client times out and retries with the same sequence). Clients keep one command outstanding.
     */
    public void submit(long clientId, long sequence, byte[] command, Consumer<SubmitResult> callback) {
        if (!running()) {
            return;
        }
        SessionTable.Check check = appliesEveryCopyDeviation(sessions.check(clientId, sequence));
        if (check instanceof SessionTable.Check.Duplicate dup) {
            observe(new Observation.SessionDuplicate(id, clientId, sequence, dup.index(), false));
            acknowledge(callback, clientId, sequence, dup.index(), dup.term(), dup.digest(), dup.result());
            return;
        }
        if (check instanceof SessionTable.Check.Superseded s) {
            callback.accept(new SubmitResult.Unknown("session " + clientId + " already applied sequence "
                    + s.lastSequence() + " > " + sequence));
            return;
        }
        ProposeResult result = core.propose(new ClientCommand(clientId, sequence, command).encode());
        if (result instanceof ProposeResult.Accepted a) {
            proposals.add(a.index(), new PendingProposals.Pending(a.term(), clientId, sequence, callback));
        } else if (result instanceof ProposeResult.NotLeader n) {
            callback.accept(new SubmitResult.NotLeader(n.leaderHint()));
        } else {
            callback.accept(new SubmitResult.Dropped(((ProposeResult.Dropped) result).reason()));
        }
        drive();
    }

    /** Reads with {@code mode}; the callback is called at most once, on the node's thread. */
    public void read(ReadMode mode, byte[] query, Consumer<ReadOutcome> callback) {
        if (!running()) {
            return;
        }
        if (mode == ReadMode.LOCAL) {
            serveRead(new PendingReads.Read(mode, query, callback), appliedIndex);
            return;
        }
        long requestId = nextReadId++;
        if (mode == ReadMode.LEASE && ticker != null) {
            ticker.catchUp(); // a lease is judged on the tick count of now, not of before a stall
            if (!running()) {
                return;
            }
        }
        ReadResult result = mode == ReadMode.LINEARIZABLE ? core.readIndex(requestId) : core.leaseRead(requestId);
        if (result instanceof ReadResult.Pending) {
            reads.await(requestId, new PendingReads.Read(mode, query, callback));
        } else if (result instanceof ReadResult.NotLeader n) {
            callback.accept(new ReadOutcome.NotLeader(n.leaderHint()));
        } else {
            callback.accept(new ReadOutcome.Unavailable(((ReadResult.Unavailable) result).reason()));
        }
        drive();
    }

    /**
     * Proposes a single-server membership change (see {@link RaftCore#proposeConfigChange}): add a learner,
     * promote it once it has caught up, remove a voter or learner. The callback is called at most once, on the
     * node's thread: at once with a refusal, or when the change commits here; not if the node halts. Joining
     * nodes are started with the cluster's bootstrap peers and their own id outside them: they wait, never
     * campaigning, until a leader replicates to them.
     */
    public void proposeConfigChange(ConfigChange change, Consumer<ConfigChangeOutcome> callback) {
        if (!running()) {
            return;
        }
        ConfigChangeResult result = core.proposeConfigChange(change);
        if (result instanceof ConfigChangeResult.Accepted a) {
            configChanges.put(a.index(), new PendingConfigChange(a.term(), callback));
        } else if (result instanceof ConfigChangeResult.NotLeader n) {
            callback.accept(new ConfigChangeOutcome.NotLeader(n.leaderHint()));
        } else {
            ConfigChangeResult.Refused r = (ConfigChangeResult.Refused) result;
            callback.accept(new ConfigChangeOutcome.Refused(r.reason(), r.detail()));
        }
        drive();
    }

    /** The configuration this node uses now (the latest in its log) and where it took effect; only after start. */
    public LogConfiguration configuration() {
        return core.configuration();
    }

    /** Asks the leader to hand leadership to {@code to} (TimeoutNow); ignored on a follower. */
    public void transferLeadership(int to) {
        if (running()) {
            core.transferLeadership(to);
            drive();
        }
    }

    /** Starts an election now (operator action and tests). */
    public void campaign() {
        if (running()) {
            core.campaign();
            drive();
        }
    }

    /** Stops ticking and closes storage; later inputs are ignored. For an orderly shutdown. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (ticker != null) {
            ticker.stop();
        }
        storage.close();
    }

    /** The core's view (role, term, leader, commit, log bounds); only after {@link #start}. */
    public Status status() {
        return core.status();
    }

    /** This node's id. */
    public int id() {
        return id;
    }

    /** The highest index applied to the state machine. */
    public long appliedIndex() {
        return appliedIndex;
    }

    /** The leader this node knows of, 0 if none. */
    public int leaderId() {
        return leaderId;
    }

    /** The role as of the last processed Ready. */
    public Role role() {
        return role;
    }

    /** True if a simulation's fault points are consulted: never in production ({@code RaftServer} refuses). */
    public boolean faultPointsArmed() {
        return faultPoints != FaultPoints.NONE;
    }

    /** Why the node halted, or null while it runs. */
    public String haltReason() {
        return haltReason;
    }

    /** Number of client commands proposed here and not yet answered (for tests and metrics). */
    public int pendingProposals() {
        return proposals.size();
    }

    private boolean running() {
        if (core == null && !stopped) {
            throw new IllegalStateException("node " + id + " is not started");
        }
        return !stopped && haltReason == null;
    }

    // ---- the Ready loop ----------------------------------------------------------------------------

    private void drive() {
        if (driving || core == null) {
            return;
        }
        driving = true;
        try {
            while (running() && !syncInFlight && core.hasReady()) {
                handle(core.ready());
            }
        } finally {
            driving = false;
        }
    }

    private void handle(Ready ready) {
        noteSoftState(ready.softState());
        if (!ready.mustSync()) {
            finish(ready);
            return;
        }
        try {
            persist(ready);
            sendsBeforeSyncDeviation(ready);
        } catch (UncheckedIOException e) {
            halt("storage write failed: " + e.getMessage());
            return;
        }
        syncInFlight = true;
        storage.sync(result -> syncCompleted(ready, result));
    }

    /**
     * {@link KnownBug#ACK_BEFORE_SYNC}: a Ready's messages leave only once its entries and hard state are synced; the
     * deviation sends them as soon as they are written, so a crash loses what they promised.
     */
    private void sendsBeforeSyncDeviation(Ready ready) {
        if (bugs().on(KnownBug.ACK_BEFORE_SYNC)) {
            sendMessages(ready);
            sentBeforeSync = true;
        }
    }

    /** FAULT POINT delay-sync: the completion is held to a later tick, as a slow fsync would arrive. */
    private void syncCompleted(Ready ready, SyncResult result) {
        if (faultPoints.fires(FaultPoint.DELAY_SYNC)) {
            delayedSyncReady = ready;
            delayedSyncResult = result;
            return;
        }
        onSynced(ready, result);
    }

    /** Acts on a held sync at a tick, unless the fault point holds it one more tick. */
    private void releaseDelayedSync() {
        if (delayedSyncReady == null || faultPoints.fires(FaultPoint.DELAY_SYNC)) {
            return;
        }
        Ready ready = delayedSyncReady;
        SyncResult result = delayedSyncResult;
        delayedSyncReady = null;
        delayedSyncResult = null;
        onSynced(ready, result);
    }

    private void persist(Ready ready) {
        if (ready.snapshotToInstall() != null) {
            storage.installSnapshot(ready.snapshotToInstall());
        }
        if (!ready.entriesToPersist().isEmpty()) {
            storage.append(ready.entriesToPersist());
        }
        HardState hard = ready.hardState();
        if (hard != null) {
            storage.saveHardState(dropsVoteDeviation(hard));
        }
    }

    /**
     * {@link KnownBug#VOTE_NOT_PERSISTED}: the hard state is persisted whole before a vote is sent; the deviation
     * persists the term and commit index but not votedFor, so a restarted node can vote again in the same term.
     */
    private HardState dropsVoteDeviation(HardState hard) {
        return bugs().on(KnownBug.VOTE_NOT_PERSISTED) ? new HardState(hard.term(), 0, hard.commitIndex()) : hard;
    }

    /** The sync callback: may run inside {@link #drive} (a synchronous disk) or later on its own. */
    private void onSynced(Ready ready, SyncResult result) {
        syncInFlight = false;
        if (!result.succeeded()) {
            halt(((SyncResult.Failed) result).description());
            return;
        }
        boolean outermost = !driving;
        driving = true;
        try {
            observeDurable(ready);
            if (ready.snapshotToInstall() != null) {
                // Restored before the Ready's messages go out, so the journal shows the install first.
                installSnapshot(ready.snapshotToInstall());
            }
            finish(ready);
        } finally {
            if (outermost) {
                driving = false;
            }
        }
        if (outermost) {
            drive();
        }
    }

    /** Steps 3-5 of the Ready contract: send, apply, serve reads, advance; then maybe take a snapshot. */
    private void finish(Ready ready) {
        if (!sentBeforeSync) {
            sendMessages(ready);
        }
        sentBeforeSync = false;
        for (Entry entry : ready.committedEntries()) {
            apply(entry);
        }
        for (ReadState state : ready.readStates()) {
            reads.confirm(state.requestId(), state.readIndex());
        }
        for (PendingReads.Confirmed confirmed : reads.takeServable(appliedIndex)) {
            serveRead(confirmed.read(), confirmed.readIndex());
        }
        core.advance(ready);
        maybeTakeSnapshot();
    }

    private void sendMessages(Ready ready) {
        for (Message message : ready.messages()) {
            transport.send(message);
        }
    }

    /**
     * {@link KnownBug#NO_SESSION_DEDUP}: a retried or duplicated (clientId, sequence) command is answered from its
     * session and applied once; the deviation takes every copy as fresh, so each one applies.
     */
    private SessionTable.Check appliesEveryCopyDeviation(SessionTable.Check sessionCheck) {
        return bugs().on(KnownBug.NO_SESSION_DEDUP) ? new SessionTable.Check.Fresh() : sessionCheck;
    }

    private KnownBugs bugs() {
        return config.knownBugs();
    }

    private void noteSoftState(SoftState soft) {
        if (soft == null) {
            return;
        }
        Role previous = role;
        role = soft.role();
        leaderId = soft.leaderId();
        if (previous == Role.LEADER && role != Role.LEADER) {
            for (PendingReads.Read read : reads.abandonUnconfirmed()) {
                read.callback().accept(new ReadOutcome.NotLeader(leaderId));
            }
        }
        if (observer.enabled()) {
            observer.observe(roleObservation(soft, core.status().term()));
        }
    }

    private Observation roleObservation(SoftState soft, long term) {
        switch (soft.role()) {
            case LEADER:
                return new Observation.BecameLeader(id, term);
            case CANDIDATE:
                return new Observation.BecameCandidate(id, term);
            case PRE_CANDIDATE:
                return new Observation.BecamePreCandidate(id, term);
            case FOLLOWER:
            default:
                return new Observation.BecameFollower(id, term, soft.leaderId());
        }
    }

    /** Observations of what the completed sync made durable, in log order. */
    private void observeDurable(Ready ready) {
        Snapshot snapshot = ready.snapshotToInstall();
        if (snapshot != null) {
            observe(new Observation.LogReplacedBySnapshot(id, snapshot.meta().index(), snapshot.meta().term()));
        }
        if (snapshot != null && storedLastIndex > snapshot.meta().index()) {
            observe(new Observation.EntriesTruncated(id, snapshot.meta().index() + 1));
        }
        if (snapshot != null) {
            storedLastIndex = snapshot.meta().index();
        }
        List<Entry> entries = ready.entriesToPersist();
        if (!entries.isEmpty()) {
            observeAppended(entries);
        }
        HardState hard = ready.hardState();
        if (hard != null) {
            observeHardState(hard);
        }
        if (ready.configuration() != null) {
            observeConfiguration(ready.configuration());
        }
    }

    private void observeConfiguration(LogConfiguration configuration) {
        observe(new Observation.ConfigurationChanged(id, configuration.index(), configuration.configuration()));
    }

    private void observeAppended(List<Entry> entries) {
        long first = entries.get(0).index();
        if (first <= storedLastIndex) {
            observe(new Observation.EntriesTruncated(id, first));
        }
        storedLastIndex = entries.get(entries.size() - 1).index();
        if (observer.enabled()) {
            List<Observation.EntryRef> refs = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                refs.add(new Observation.EntryRef(e.index(), e.term(), e.digest()));
            }
            observer.observe(new Observation.EntriesAppended(id, refs));
        }
    }

    private void observeHardState(HardState hard) {
        HardState before = durableHardState;
        durableHardState = hard;
        boolean newVote = hard.votedFor() != 0 && (hard.term() != before.term() || hard.votedFor() != before.votedFor());
        if (newVote) {
            observe(new Observation.Voted(id, hard.term(), hard.votedFor()));
        }
        observe(new Observation.HardStateSynced(id, hard.term(), hard.votedFor(), hard.commitIndex()));
        if (hard.commitIndex() > before.commitIndex()) {
            observe(new Observation.CommitAdvanced(id, hard.commitIndex()));
        }
    }

    // ---- applying ------------------------------------------------------------------------------------

    private void apply(Entry entry) {
        if (entry.index() != appliedIndex + 1) {
            throw new IllegalStateException("node " + id + ": applying entry " + entry.index() + " after "
                    + appliedIndex);
        }
        ClientCommand command = null;
        SessionTable.Check check = null;
        byte[] result = null;
        if (entry.type() == EntryType.NORMAL) {
            command = ClientCommand.decode(entry.data());
            check = appliesEveryCopyDeviation(sessions.check(command.clientId(), command.sequence()));
            if (check instanceof SessionTable.Check.Fresh) {
                result = stateMachine.apply(entry.index(), command.payload());
                sessions.record(command.clientId(), command.sequence(), entry.index(), entry.term(), entry.digest(),
                        result);
            } else if (check instanceof SessionTable.Check.Duplicate dup) {
                observe(new Observation.SessionDuplicate(id, command.clientId(), command.sequence(), dup.index(), true));
            }
        }
        appliedIndex = entry.index();
        appliedTerm = entry.term();
        if (observer.enabled()) {
            observer.observe(new Observation.Applied(id, entry.index(), entry.term(), entry.digest(),
                    stateMachine.digest()));
        }
        for (PendingProposals.Pending pending : proposals.takeAt(entry.index())) {
            answerApplied(pending, entry, check, result);
        }
        PendingConfigChange change = configChanges.remove(entry.index());
        if (change != null) {
            answerConfigChange(change, entry);
        }
    }

    private static void answerConfigChange(PendingConfigChange change, Entry entry) {
        if (change.term() != entry.term() || entry.type() != EntryType.CONFIG) {
            change.callback().accept(new ConfigChangeOutcome.Dropped("index " + entry.index()
                    + " was committed in term " + entry.term() + ", not " + change.term()));
        } else {
            change.callback().accept(new ConfigChangeOutcome.Committed(entry.index(),
                    Configuration.decode(entry.data())));
        }
    }

    /** A configuration change awaiting its entry's commit. */
    private record PendingConfigChange(long term, Consumer<ConfigChangeOutcome> callback) {}

    private void answerApplied(PendingProposals.Pending pending, Entry entry, SessionTable.Check check,
                               byte[] result) {
        if (pending.term() != entry.term()) {
            pending.callback().accept(new SubmitResult.Dropped("index " + entry.index() + " was committed in term "
                    + entry.term() + ", not " + pending.term()));
        } else if (check instanceof SessionTable.Check.Fresh) {
            acknowledge(pending.callback(), pending.clientId(), pending.sequence(), entry.index(), entry.term(),
                    entry.digest(), result);
        } else if (check instanceof SessionTable.Check.Duplicate dup) {
            acknowledge(pending.callback(), pending.clientId(), pending.sequence(), dup.index(), dup.term(),
                    dup.digest(), dup.result());
        } else {
            pending.callback().accept(new SubmitResult.Unknown("sequence " + pending.sequence()
                    + " was superseded before it applied"));
        }
    }

    private void acknowledge(Consumer<SubmitResult> callback, long clientId, long sequence, long index, long term,
                             long digest, byte[] result) {
        observe(new Observation.ClientAcked(id, clientId, sequence, index, term, digest));
        callback.accept(new SubmitResult.Ok(result, index));
    }

    private void serveRead(PendingReads.Read read, long readIndex) {
        byte[] result = stateMachine.query(read.query());
        observe(new Observation.ReadServed(id, read.mode(), readIndex, appliedIndex));
        read.callback().accept(new ReadOutcome.Ok(result, appliedIndex));
    }

    // ---- snapshots ---------------------------------------------------------------------------------

    private void installSnapshot(Snapshot snapshot) {
        restoreStateMachine(snapshot);
        for (PendingProposals.Pending pending : proposals.takeThrough(snapshot.meta().index())) {
            answerFromSessions(pending);
        }
        var covered = configChanges.headMap(snapshot.meta().index(), true);
        covered.values().forEach(c -> c.callback().accept(new ConfigChangeOutcome.Unknown("a snapshot replaced the log"
                + " before the outcome was seen here")));
        covered.clear();
        observe(new Observation.SnapshotInstalled(id, snapshot.meta().index(), snapshot.meta().term(),
                observer.enabled() ? stateMachine.digest() : 0));
    }

    /**
     * True (and observed) if {@code m}'s snapshot, which the core would install, restores to a state whose digest is
     * not the one recorded when it was taken. The image is tried before the core sees the message, and the state is
     * put back whatever the answer, so a refused snapshot leaves state, log, commit and applied indexes untouched.
     * Snapshots the core ignores anyway (a stale term, nothing beyond the commit index) and those without a recorded
     * digest are not tried.
     */
    private boolean refusesSnapshot(InstallSnapshot m) {
        SnapshotMeta meta = m.snapshot().meta();
        Status status = core.status();
        if (meta.stateDigest() == null || m.term() < status.term() || meta.index() <= status.commitIndex()) {
            return false;
        }
        byte[] current = stateMachine.snapshot();
        long actual;
        try {
            stateMachine.restore(NodeSnapshot.stateMachinePart(m.snapshot().data()));
            actual = stateMachine.digest();
        } catch (RuntimeException unreadable) {
            actual = 0; // an image the state machine cannot even read is refused like a wrong one
        } finally {
            stateMachine.restore(current);
        }
        if (actual == meta.stateDigest()) {
            return false;
        }
        observe(new Observation.SnapshotRejected(id, meta.index(), meta.stateDigest(), actual));
        return true;
    }

    private void restoreStateMachine(Snapshot snapshot) {
        stateMachine.restore(NodeSnapshot.restore(snapshot.data(), sessions));
        appliedIndex = snapshot.meta().index();
        appliedTerm = snapshot.meta().term();
        snapshotIndex = snapshot.meta().index();
    }

    /** A proposal whose index a leader's snapshot covers: only the session table can still tell its fate. */
    private void answerFromSessions(PendingProposals.Pending pending) {
        SessionTable.Check check = sessions.check(pending.clientId(), pending.sequence());
        if (check instanceof SessionTable.Check.Duplicate dup) {
            acknowledge(pending.callback(), pending.clientId(), pending.sequence(), dup.index(), dup.term(),
                    dup.digest(), dup.result());
        } else if (check instanceof SessionTable.Check.Fresh && sessions.knows(pending.clientId())) {
            pending.callback().accept(new SubmitResult.Dropped("not applied up to the installed snapshot"));
        } else {
            pending.callback().accept(new SubmitResult.Unknown("a snapshot replaced the log before the outcome"
                    + " was seen here"));
        }
    }

    private void maybeTakeSnapshot() {
        if (snapshotEveryEntries <= 0 || !running()) {
            return;
        }
        long sinceSnapshot = appliedIndex - snapshotIndex;
        boolean due = sinceSnapshot >= snapshotEveryEntries;
        // FAULT POINT compact-early: a hit once a sixteenth of the interval has been applied, so that early
        // snapshots come often but not after every Ready.
        if (!due && (sinceSnapshot < Math.max(1, snapshotEveryEntries / COMPACT_EARLY_DIVISOR)
                || !faultPoints.fires(FaultPoint.COMPACT_EARLY))) {
            return;
        }
        byte[] data = NodeSnapshot.encode(sessions, stateMachine.snapshot());
        long stateDigest = stateMachine.digest();
        Snapshot snapshot = new Snapshot(new SnapshotMeta(appliedIndex, appliedTerm,
                core.snapshotConfigurationAt(appliedIndex), stateDigest), data);
        try {
            storage.saveSnapshot(snapshot);
            storage.compactPrefix(appliedIndex);
        } catch (UncheckedIOException e) {
            halt("snapshot write failed: " + e.getMessage());
            return;
        }
        core.compact(appliedIndex, data, stateDigest);
        snapshotIndex = appliedIndex;
        observe(new Observation.SnapshotTaken(id, appliedIndex, appliedTerm));
    }

    // ---- failure -------------------------------------------------------------------------------------

    private void halt(String reason) {
        if (haltReason != null) {
            return;
        }
        haltReason = reason;
        if (ticker != null) {
            ticker.stop();
        }
        observe(new Observation.Halted(id, reason));
        haltHandler.accept(reason);
    }

    private void observePath(ProtocolPath path, int peer, long term) {
        observer.observe(new Observation.PathTaken(id, term, path, peer));
    }

    /** The peers the cluster was bootstrapped with (node ids; by convention host {@code i} in incarnation 0). */
    List<Integer> bootstrapPeers() {
        return config.peers();
    }

    /** Sends a message outside the Ready loop: the handshake's messages depend on nothing durable. */
    void send(Message message) {
        transport.send(message);
    }

    void observe(Observation observation) {
        if (observer.enabled()) {
            observer.observe(observation);
        }
    }

    /**
     * Hands a security-relevant decision (a join admitted or refused) to the observer even when it wants no other
     * observation, so a production server can log and count every handshake it decided.
     */
    void audit(Observation observation) {
        observer.observe(observation);
    }
}
