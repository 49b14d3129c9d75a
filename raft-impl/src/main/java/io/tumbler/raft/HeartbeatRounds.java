package io.tumbler.raft;

import java.util.TreeMap;

/**
 * The leader's numbered heartbeat rounds in its current term and who acknowledged which. A round
 * acknowledged by a majority proves that, when the round started, no other leader could have been
 * elected yet (ReadIndex, dissertation §6.4), and starts the leader lease: followers that answered
 * will not vote for another candidate for an election timeout (CheckQuorum stickiness), so no
 * other leader can exist until then (dissertation §6.4.1).
 */
final class HeartbeatRounds {
    /** No lease is held. */
    static final long NO_LEASE = Long.MIN_VALUE;

    private final TreeMap<Long, Long> startTickByRound = new TreeMap<>();
    private final TreeMap<Integer, Long> ackedRoundByPeer = new TreeMap<>();
    private long currentRound;
    private long quorumRound;
    private long leaseStartTick = NO_LEASE;

    void reset() {
        startTickByRound.clear();
        ackedRoundByPeer.clear();
        currentRound = 0;
        quorumRound = 0;
        leaseStartTick = NO_LEASE;
    }

    long currentRound() {
        return currentRound;
    }

    long quorumRound() {
        return quorumRound;
    }

    /** The leader tick at which the newest majority-confirmed round started, or {@link #NO_LEASE}. */
    long leaseStartTick() {
        return leaseStartTick;
    }

    long start(long nowTick) {
        currentRound++;
        startTickByRound.put(currentRound, nowTick);
        return currentRound;
    }

    /** Records that {@code peer} answered {@code round}; true if the majority-confirmed round advanced. */
    boolean acknowledge(int peer, long round, int selfId, MajorityQuorum quorum) {
        if (round > currentRound) {
            throw new IllegalStateException("node " + peer + " acknowledged heartbeat round " + round
                    + " which was never started (current " + currentRound + ")");
        }
        ackedRoundByPeer.merge(peer, round, Math::max);
        long confirmed = quorum.committedIndex(id -> id == selfId ? currentRound : ackedRoundByPeer.getOrDefault(id, 0L));
        if (confirmed <= quorumRound) {
            return false;
        }
        quorumRound = confirmed;
        leaseStartTick = startTickByRound.get(confirmed);
        startTickByRound.headMap(confirmed, false).clear();
        return true;
    }
}
