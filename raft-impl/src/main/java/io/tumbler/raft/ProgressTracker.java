package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Per-voter replication progress and votes, and the quorum decisions over them (etcd's
 * {@code ProgressTracker}). Ordered maps keep every iteration deterministic.
 */
final class ProgressTracker {
    private final int selfId;
    private final MajorityQuorum quorum;
    private final TreeMap<Integer, ReplicationProgress> progress = new TreeMap<>();
    private final TreeMap<Integer, Boolean> votes = new TreeMap<>();

    ProgressTracker(int selfId, List<Integer> voters) {
        this.selfId = selfId;
        this.quorum = new MajorityQuorum(voters);
    }

    MajorityQuorum quorum() {
        return quorum;
    }

    /** Fresh progress for a new leader's term: nothing known to match, probe from the end. */
    void resetForLeader(long lastIndex, int maxInflight) {
        progress.clear();
        for (int id : quorum.voters()) {
            ReplicationProgress p = new ReplicationProgress(lastIndex + 1, maxInflight);
            progress.put(id, p);
        }
        ReplicationProgress self = progress.get(selfId);
        self.maybeUpdate(lastIndex);
        self.becomeReplicate();
        self.setRecentActive(true);
    }

    void clearProgress() {
        progress.clear();
    }

    ReplicationProgress get(int id) {
        ReplicationProgress p = progress.get(id);
        if (p == null) {
            throw new IllegalStateException("no replication progress for node " + id + " (not leader?)");
        }
        return p;
    }

    /** The highest index a majority has persisted. */
    long quorumMatchIndex() {
        return quorum.committedIndex(id -> progress.get(id).match());
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
     * CheckQuorum: did a majority (this node included) show activity since the last check? Resets
     * the activity flags for the next period.
     */
    boolean quorumRecentlyActive() {
        int active = 0;
        for (var entry : progress.entrySet()) {
            if (entry.getKey() == selfId || entry.getValue().recentActive()) {
                active++;
            }
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
