package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Per-member replication progress and votes, and the quorum decisions over them (etcd's
 * {@code ProgressTracker}). Progress is kept for every member a leader replicates to (voters and learners, and
 * the leader itself even after it removed itself); quorums count the voters of the current configuration only.
 * Ordered maps keep every iteration deterministic.
 */
final class ProgressTracker {
    private final int selfId;
    private final KnownBugs bugs;
    private Configuration configuration;
    private MajorityQuorum quorum;
    private final TreeMap<Integer, ReplicationProgress> progress = new TreeMap<>();
    private final TreeMap<Integer, Boolean> votes = new TreeMap<>();

    ProgressTracker(int selfId, Configuration configuration, KnownBugs bugs) {
        this.selfId = selfId;
        this.bugs = bugs;
        this.configuration = configuration;
        this.quorum = quorumOf(configuration);
    }

    MajorityQuorum quorum() {
        return quorum;
    }

    /** Who decides: the voters. */
    private MajorityQuorum quorumOf(Configuration c) {
        return new MajorityQuorum(learnersCountedAsVotersDeviation(c, c.voters()));
    }

    /**
     * {@link KnownBug#LEARNER_COUNTED_IN_QUORUM}: only voters count towards a majority; the deviation counts every
     * member, learners included, towards every majority.
     */
    private List<Integer> learnersCountedAsVotersDeviation(Configuration c, List<Integer> voters) {
        return bugs.on(KnownBug.LEARNER_COUNTED_IN_QUORUM) ? c.members() : voters;
    }

    /**
     * Switches to {@code next}: new quorums at once; on a leader, fresh progress (probing from the end of the
     * log) for members that joined. Members that left keep theirs until {@link #retainOnly} drops it.
     */
    void reconfigure(Configuration next, boolean leader, long lastIndex, int maxInflight) {
        configuration = next;
        quorum = quorumOf(next);
        if (!leader) {
            return;
        }
        for (int id : next.members()) {
            progress.computeIfAbsent(id, x -> new ReplicationProgress(lastIndex + 1, maxInflight));
        }
    }

    /** Every node with progress but this one, ascending. */
    List<Integer> trackedPeers() {
        List<Integer> out = new ArrayList<>(progress.keySet());
        out.remove(Integer.valueOf(selfId));
        return out;
    }

    /** Drops the progress of every node but {@code targets} and this one (members gone for good). */
    void retainOnly(List<Integer> targets) {
        progress.keySet().removeIf(id -> id != selfId && !targets.contains(id));
    }

    /** Fresh progress for a new leader's term, for {@code targets}: nothing known to match, probe from the end. */
    void resetForLeader(List<Integer> targets, long lastIndex, int maxInflight) {
        progress.clear();
        for (int id : targets) {
            progress.put(id, new ReplicationProgress(lastIndex + 1, maxInflight));
        }
        ReplicationProgress self = progress.computeIfAbsent(selfId, x -> new ReplicationProgress(lastIndex + 1, maxInflight));
        self.maybeUpdate(lastIndex);
        self.becomeReplicate();
        self.setRecentActive(true);
    }

    void clearProgress() {
        progress.clear();
    }

    /** True if a leader tracks {@code id} (a current member, or itself). */
    boolean tracks(int id) {
        return progress.containsKey(id);
    }

    ReplicationProgress get(int id) {
        ReplicationProgress p = progress.get(id);
        if (p == null) {
            throw new IllegalStateException("no replication progress for node " + id + " (not leader?)");
        }
        return p;
    }

    /** The highest index a majority of the voters has persisted. */
    long quorumMatchIndex() {
        return removedLeaderCountsItselfDeviation(quorum.committedIndex(id -> progress.get(id).match()));
    }

    /**
     * {@link KnownBug#REMOVED_LEADER_COUNTS_ITSELF}: a leader outside the voters counts only the voters' copies
     * ({@code votersMatch}); the deviation counts its own copy as if it were one of them, against the majority size
     * of the voters alone.
     */
    private long removedLeaderCountsItselfDeviation(long votersMatch) {
        if (bugs.on(KnownBug.REMOVED_LEADER_COUNTS_ITSELF) && !configuration.isVoter(selfId)) {
            return quorum.committedIndexWithExtra(selfId, id -> progress.get(id).match());
        }
        return votersMatch;
    }

    void recordVote(int id, boolean granted) {
        votes.putIfAbsent(id, granted);
    }

    VoteResult voteResult() {
        return quorum.voteResult(votes);
    }

    void resetVotes() {
        votes.clear();
    }

    String describeVotes() {
        return votes.toString();
    }

    /**
     * CheckQuorum: did a majority of the voters (this node included if it is one) show activity since the last
     * check? Resets the activity flags for the next period.
     */
    boolean quorumRecentlyActive() {
        int active = 0;
        for (int voter : quorum.voters()) {
            ReplicationProgress p = progress.get(voter);
            if (voter == selfId || (p != null && p.recentActive())) {
                active++;
            }
        }
        for (var entry : progress.entrySet()) {
            if (entry.getKey() != selfId) {
                entry.getValue().setRecentActive(false);
            }
        }
        return active >= quorum.quorumSize();
    }

    void tick() {
        progress.values().forEach(ReplicationProgress::tick);
    }

    List<PeerStatus> describe() {
        List<PeerStatus> out = new ArrayList<>();
        progress.forEach((id, p) -> out.add(p.describe(id)));
        return out;
    }
}
