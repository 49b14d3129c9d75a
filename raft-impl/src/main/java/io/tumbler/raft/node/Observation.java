package io.tumbler.raft.node;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.membership.JoinRejection;
import java.util.List;

/**
 * One event of a node's observation journal: what the node did, at the moment it became true, so that
 * online checkers (Election Safety, Log Matching, Leader Completeness, State Machine Safety, one vote per
 * term, monotonic commit, acknowledged writes survive) can judge a run from the journal alone.
 *
 * <p>Timing: role changes are observed when the core decides them; everything about stable storage
 * ({@link Voted}, {@link HardStateSynced}, {@link EntriesTruncated}, {@link EntriesAppended},
 * {@link CommitAdvanced}, {@link SnapshotInstalled}) once the sync that made it durable has completed and
 * before any message depending on it is sent; {@link Applied} and {@link ClientAcked} after the state
 * machine applied the entry. Every observation names the node that made it.
 *
 * <p>Restarts: a node's journal continues across incarnations. After {@link Recovered}, the node's log is
 * what its storage kept (the durable prefix of what it observed), its commit index is the durable one (so
 * {@link CommitAdvanced} never goes back), and it re-applies entries after its snapshot: {@link Applied}
 * repeats indexes it applied before the crash, with the same entries.
 */
public sealed interface Observation {
    /** The observing node's id. */
    int node();

    /** An entry's identity in a log: position, term and content digest ({@code Entry.digest()}). */
    record EntryRef(long index, long term, long digest) {}

    /**
     * The node started from its storage: the durable hard state it found, the snapshot it restored (index and
     * term, 0 if none), the last index of its recovered log and that log's entries after the snapshot
     * ({@code entries}, contiguous from {@code snapshotIndex + 1}; empty when the log holds nothing after it).
     */
    record Recovered(int node, long term, int votedFor, long commitIndex, long snapshotIndex, long snapshotTerm,
                     long lastIndex, List<EntryRef> entries) implements Observation {
        public Recovered {
            entries = List.copyOf(entries);
        }
    }

    /** The node became a follower in {@code term}; {@code leader} is the known leader or 0. */
    record BecameFollower(int node, long term, int leader) implements Observation {}

    /** The node started a pre-vote (dissertation §9.6) from {@code term}, without raising it. */
    record BecamePreCandidate(int node, long term) implements Observation {}

    /** The node started an election in {@code term}. */
    record BecameCandidate(int node, long term) implements Observation {}

    /** The node won the election of {@code term}. */
    record BecameLeader(int node, long term) implements Observation {}

    /** A vote for {@code candidate} in {@code term} is durable (sent only after this). */
    record Voted(int node, long term, int candidate) implements Observation {}

    /** The hard state {@code (term, votedFor, commitIndex)} is durable. */
    record HardStateSynced(int node, long term, int votedFor, long commitIndex) implements Observation {}

    /** Every stored entry at index {@code fromIndex} or later was discarded (a conflict, Raft §5.3). */
    record EntriesTruncated(int node, long fromIndex) implements Observation {}

    /** These entries, contiguous and ascending, are durable at the end of the node's log. */
    record EntriesAppended(int node, List<EntryRef> entries) implements Observation {
        public EntriesAppended {
            entries = List.copyOf(entries);
        }
    }

    /** The node's commit index moved forward to {@code index} (durably). */
    record CommitAdvanced(int node, long index) implements Observation {}

    /**
     * The entry at {@code index} was applied (a NOOP applies as nothing); {@code stateDigest} is the state
     * machine's digest right after, so replicas can be compared at equal indexes.
     */
    record Applied(int node, long index, long term, long entryDigest, long stateDigest) implements Observation {}

    /** A read was answered from state at {@code appliedIndex}, having waited for {@code readIndex}. */
    record ReadServed(int node, ReadMode mode, long readIndex, long appliedIndex) implements Observation {}

    /** The node took a snapshot of its own state up to {@code index} (storage compaction follows). */
    record SnapshotTaken(int node, long index, long term) implements Observation {}

    /**
     * A leader's snapshot up to {@code index}/{@code term} became durable: from here on the node's log is that
     * snapshot and what follows it. Emitted with the other observations of the sync, before the commit index
     * it raises; {@link SnapshotInstalled} follows when the state machine is restored from it.
     */
    record LogReplacedBySnapshot(int node, long index, long term) implements Observation {}

    /**
     * A leader's snapshot up to {@code index} is durable and the state machine was restored from it. The
     * node's log up to {@code index} is now the snapshot (committed entries, whatever it held there before);
     * if it held entries after {@code index}, an {@link EntriesTruncated} from {@code index + 1} came first.
     */
    record SnapshotInstalled(int node, long index, long term, long stateDigest) implements Observation {}

    /**
     * The node refused a leader's snapshot up to {@code index}: restored, its image gives state digest
     * {@code actual}, not the {@code expected} one the snapshot recorded when it was taken (the image was torn or
     * corrupted before it was sealed, so its transport digest could not tell). The node keeps its state and log, and
     * its commit and applied indexes do not move; the leader sends again (a later snapshot, or the entries).
     */
    record SnapshotRejected(int node, long index, long expected, long actual) implements Observation {}

    /**
     * The node's configuration is now {@code configuration}, in effect from {@code index}: the CONFIG entry there
     * (or the snapshot at {@code index}) is durable in its log, committed or not. Observed with the other
     * observations of the sync that made it durable, and after {@link Recovered} when the recovered configuration
     * is not the bootstrap one; a truncated CONFIG entry reverts to an earlier configuration, observed the same
     * way. Never observed in a cluster whose membership never changed.
     */
    record ConfigurationChanged(int node, long index, Configuration configuration) implements Observation {}

    /**
     * Client {@code clientId}'s command {@code sequence} was acknowledged as applied at {@code index}, from the entry
     * of {@code term} with digest {@code entryDigest} there; term and digest are 0 when the node answered from a
     * session table that a snapshot brought (it never applied that entry itself, so it cannot name it).
     */
    record ClientAcked(int node, long clientId, long sequence, long index, long term, long entryDigest)
            implements Observation {}

    /**
     * The core took {@code path} in {@code term} ({@code peer} is the other node involved, or 0): why an election
     * started, why a vote was refused, why a leader stepped down, an append rejected, a snapshot sent. Observed
     * when the core decides it, before anything that decision leads to is durable or sent. For coverage
     * counting; no safety check depends on it.
     */
    record PathTaken(int node, long term, ProtocolPath path, int peer) implements Observation {}

    /**
     * Client {@code clientId}'s command {@code sequence} came again and the session table answered it from its
     * cache (applied before at {@code index}) instead of applying it twice: {@code atApply} when a second copy
     * reached the log and was skipped on apply, otherwise the retry was answered on submission.
     */
    record SessionDuplicate(int node, long clientId, long sequence, long index, boolean atApply)
            implements Observation {}

    /**
     * As leader, the node verified a rejoin handshake: node {@code joiner} runs host {@code hostId} in
     * {@code incarnation}, proved with the challenge {@code nonce}; it proposes {@code joiner} as a learner next.
     */
    record JoinAdmitted(int node, int joiner, int hostId, long incarnation, long nonce) implements Observation {}

    /** As leader, the node refused node {@code joiner}'s rejoin handshake (host {@code hostId}/{@code incarnation}). */
    record JoinRejected(int node, int joiner, int hostId, long incarnation, JoinRejection reason)
            implements Observation {}

    /** The node stopped itself (fail-stop) after a storage failure; nothing further is observed. */
    record Halted(int node, String reason) implements Observation {}
}
