package io.tumbler.raft;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Majority arithmetic over a fixed voter set (etcd's {@code MajorityConfig}): the index a majority
 * has reached, the outcome of a vote, whether a majority is active. Pure functions of their inputs.
 */
final class MajorityQuorum {
    private final int[] voters;

    MajorityQuorum(List<Integer> voterIds) {
        if (voterIds.isEmpty()) {
            throw new IllegalArgumentException("a quorum needs at least one voter");
        }
        this.voters = voterIds.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    int size() {
        return voters.length;
    }

    /** Agreement from this many voters is a majority. */
    int quorumSize() {
        return voters.length / 2 + 1;
    }

    /**
     * The largest value that at least a majority of voters have reached: sort descending, take the
     * quorum-th. With match indexes this is the commit candidate; with acknowledged heartbeat rounds
     * it is the newest round a majority confirmed.
     */
    long committedIndex(IntToLongFunction reachedBy) {
        long[] reached = new long[voters.length];
        for (int i = 0; i < voters.length; i++) {
            reached[i] = reachedBy.applyAsLong(voters[i]);
        }
        Arrays.sort(reached);
        return reached[voters.length - quorumSize()];
    }

    /**
     * KNOWN BUG removed-leader-counts-itself: like {@link #committedIndex} but {@code extra}, who is not a voter,
     * is counted too while the majority size stays that of the voters.
     */
    long committedIndexWithExtra(int extra, IntToLongFunction reachedBy) {
        long[] reached = new long[voters.length + 1];
        for (int i = 0; i < voters.length; i++) {
            reached[i] = reachedBy.applyAsLong(voters[i]);
        }
        reached[voters.length] = reachedBy.applyAsLong(extra);
        Arrays.sort(reached);
        return reached[reached.length - quorumSize()];
    }

    /** WON once a majority granted, LOST once a majority can no longer grant, else PENDING. */
    VoteResult voteResult(Map<Integer, Boolean> votes) {
        int granted = 0;
        int missing = 0;
        for (int voter : voters) {
            Boolean vote = votes.get(voter);
            if (vote == null) {
                missing++;
            } else if (vote) {
                granted++;
            }
        }
        if (granted >= quorumSize()) {
            return VoteResult.WON;
        }
        return granted + missing >= quorumSize() ? VoteResult.PENDING : VoteResult.LOST;
    }

    int[] voters() {
        return voters.clone();
    }
}
