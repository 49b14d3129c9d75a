package io.tumbler.raft;

import java.util.List;
import java.util.TreeSet;

/**
 * Static configuration of one core. All durations are in ticks of the driver's {@code Ticker}.
 *
 * @param id                     this node's id: one of {@code peers}, or, for a node joining a running cluster,
 *                               outside them (it starts outside the configuration, never campaigns, and waits
 *                               for a leader that added it as a learner to replicate to it)
 * @param peers                  the bootstrap configuration: the voters of the cluster at its first index, the
 *                               same on every node, joiners included (later configurations travel in the log,
 *                               {@link Configuration}); distinct positive ids
 * @param electionTimeoutTicks   T: followers campaign after a random timeout in [T, 2T) without a
 *                               leader; a CheckQuorum leader steps down after T without a quorum
 * @param heartbeatIntervalTicks ticks between leader heartbeats, less than T
 * @param preVote                run a pre-vote before raising the term (dissertation §9.6)
 * @param checkQuorum            leaders step down without a recently active quorum, and followers
 *                               that heard from a leader within T ignore vote requests; required by
 *                               lease reads
 * @param maxEntriesPerAppend    largest number of entries in one {@link AppendEntries}
 * @param maxAppendBytes         soft byte budget of one {@link AppendEntries} (at least one entry is sent)
 * @param maxInflightAppends     appends in flight per follower in the REPLICATE state
 * @param maxUncommittedEntries  proposals are dropped while this many entries are uncommitted; 0 = no limit
 * @param leaseDriftBoundTicks   how much faster the leader's clock may run behind the followers'
 *                               over one election timeout; lease reads are served only while the lease
 *                               is younger than {@code electionTimeoutTicks - leaseDriftBoundTicks}
 * @param knownBugs              deliberate bugs switched on ({@link KnownBugs#NONE} everywhere but in
 *                               simulations that prove the checks catch them; production refuses others)
 */
public record RaftConfig(int id, List<Integer> peers, int electionTimeoutTicks, int heartbeatIntervalTicks,
                         boolean preVote, boolean checkQuorum, int maxEntriesPerAppend, int maxAppendBytes,
                         int maxInflightAppends, int maxUncommittedEntries, int leaseDriftBoundTicks,
                         KnownBugs knownBugs) {
    public RaftConfig {
        require(knownBugs != null, "knownBugs must not be null (use KnownBugs.NONE)");
        peers = List.copyOf(new TreeSet<>(peers));
        require(!peers.isEmpty() && peers.get(0) > 0, "peer ids must be positive and at least one: " + peers);
        require(id > 0, "id " + id + " must be positive");
        require(heartbeatIntervalTicks > 0 && heartbeatIntervalTicks < electionTimeoutTicks,
                "need 0 < heartbeatIntervalTicks (" + heartbeatIntervalTicks + ") < electionTimeoutTicks ("
                        + electionTimeoutTicks + ")");
        require(maxEntriesPerAppend > 0 && maxAppendBytes > 0 && maxInflightAppends > 0,
                "append batch and pipeline bounds must be positive");
        require(maxUncommittedEntries >= 0, "maxUncommittedEntries must be >= 0");
        require(leaseDriftBoundTicks >= 0 && leaseDriftBoundTicks < electionTimeoutTicks,
                "need 0 <= leaseDriftBoundTicks < electionTimeoutTicks");
    }

    /** The configuration without known bugs (the correct implementation). */
    public RaftConfig(int id, List<Integer> peers, int electionTimeoutTicks, int heartbeatIntervalTicks,
                      boolean preVote, boolean checkQuorum, int maxEntriesPerAppend, int maxAppendBytes,
                      int maxInflightAppends, int maxUncommittedEntries, int leaseDriftBoundTicks) {
        this(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum, maxEntriesPerAppend,
                maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, KnownBugs.NONE);
    }

    /**
     * Production defaults: T = 10 ticks, heartbeat every tick, PreVote and CheckQuorum on, 64
     * entries or 1 MiB per append, 256 appends in flight, 10 000 uncommitted entries, 2 ticks of
     * lease drift.
     */
    public static RaftConfig defaults(int id, List<Integer> peers) {
        return new RaftConfig(id, peers, 10, 1, true, true, 64, 1 << 20, 256, 10_000, 2);
    }

    /** False for a node started to join a running cluster: it is not among the bootstrap voters. */
    public boolean bootstrapVoter() {
        return peers.contains(id);
    }

    /** The number of bootstrap voters whose agreement forms a majority. */
    public int quorumSize() {
        return peers.size() / 2 + 1;
    }

    public RaftConfig withElectionTimeoutTicks(int ticks) {
        return new RaftConfig(id, peers, ticks, heartbeatIntervalTicks, preVote, checkQuorum, maxEntriesPerAppend,
                maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withHeartbeatIntervalTicks(int ticks) {
        return new RaftConfig(id, peers, electionTimeoutTicks, ticks, preVote, checkQuorum, maxEntriesPerAppend,
                maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, on, checkQuorum,
                maxEntriesPerAppend, maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, on,
                maxEntriesPerAppend, maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withMaxEntriesPerAppend(int entries) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum,
                entries, maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withMaxInflightAppends(int appends) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum,
                maxEntriesPerAppend, maxAppendBytes, appends, maxUncommittedEntries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withMaxUncommittedEntries(int entries) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum,
                maxEntriesPerAppend, maxAppendBytes, maxInflightAppends, entries, leaseDriftBoundTicks, knownBugs);
    }

    public RaftConfig withLeaseDriftBoundTicks(int ticks) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum,
                maxEntriesPerAppend, maxAppendBytes, maxInflightAppends, maxUncommittedEntries, ticks, knownBugs);
    }

    /** The same configuration with {@code bugs} switched on (simulation only). */
    public RaftConfig withKnownBugs(KnownBugs bugs) {
        return new RaftConfig(id, peers, electionTimeoutTicks, heartbeatIntervalTicks, preVote, checkQuorum,
                maxEntriesPerAppend, maxAppendBytes, maxInflightAppends, maxUncommittedEntries, leaseDriftBoundTicks,
                bugs);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid RaftConfig: " + message);
        }
    }
}
