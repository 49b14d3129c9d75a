package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raft's safety properties checked across the nodes of an interaction test after every step:
 * Election Safety (at most one leader per term) and State Machine Safety (no two nodes apply
 * different entries at one index). A violation fails the test with the nodes, term and index.
 */
final class SafetyChecker {
    private final TreeMap<Long, Integer> leaderByTerm = new TreeMap<>();
    private final TreeMap<Long, Entry> appliedByIndex = new TreeMap<>();
    /** node -> {term, commit index} already judged by {@link #checkCommitQuorums} while it led that term. */
    private final TreeMap<Integer, long[]> judgedCommit = new TreeMap<>();

    void observeRole(int node, Status status) {
        if (status.role() == Role.LEADER) {
            Integer previous = leaderByTerm.putIfAbsent(status.term(), node);
            if (previous != null && previous != node) {
                throw new AssertionError("election safety: nodes " + previous + " and " + node + " both led term "
                        + status.term());
            }
        }
    }

    void applied(int node, Entry entry) {
        Entry previous = appliedByIndex.putIfAbsent(entry.index(), entry);
        if (previous != null && !previous.equals(entry)) {
            throw new AssertionError("state machine safety: node " + node + " applied " + entry + " at index "
                    + entry.index() + " where " + previous + " was applied before");
        }
    }

    /**
     * Configuration quorum: when a leader's commit index moves to c, a majority of the voters of the configuration
     * it uses (the latest in its log) holds entry c durably; the leader counts only if it is one of the voters.
     * Call after every step that may decide a commit, and before every configuration change is proposed (a commit
     * must be judged under the configuration it was decided in).
     */
    void checkCommitQuorums(Map<Integer, TestNode> nodes) {
        for (TestNode leader : nodes.values()) {
            if (leader.crashed || leader.core.status().role() != Role.LEADER) {
                continue;
            }
            Status status = leader.core.status();
            long commit = status.commitIndex();
            long[] judged = judgedCommit.put(leader.id, new long[] {status.term(), commit});
            if (judged == null || judged[0] != status.term() || commit <= judged[1] || commit <= status.snapshotIndex()) {
                continue; // what it knew as committed on taking office was decided by its predecessors
            }
            long term = leader.stored.stream().filter(e -> e.index() == commit).mapToLong(Entry::term).findFirst()
                    .orElse(status.term());
            Configuration configuration = status.configuration();
            List<Integer> holders = new ArrayList<>();
            for (int voter : configuration.voters()) {
                TestNode n = nodes.get(voter);
                if (n != null && (voter == leader.id || n.holds(commit, term))) {
                    holders.add(voter);
                }
            }
            if (holders.size() < configuration.voters().size() / 2 + 1) {
                throw new AssertionError("configuration quorum: leader " + leader.id + " committed index " + commit
                        + "@" + term + " held only by voters " + holders + " of " + configuration);
            }
        }
    }

    /**
     * Configuration agreement: a node whose Readies are all executed uses the configuration its durable log and
     * snapshot imply (the last CONFIG entry, else the snapshot's, else the bootstrap one).
     */
    void checkConfigurationMatchesLog(TestNode n) {
        Configuration used = n.core.status().configuration();
        Configuration implied = n.durableConfiguration();
        if (!used.equals(implied)) {
            throw new AssertionError("configuration agreement: node " + n.id + " uses " + used + " but its log and "
                    + "snapshot say " + implied);
        }
    }

    void snapshotInstalled(int node, Map<Long, String> state) {
        state.forEach((index, value) -> {
            Entry previous = appliedByIndex.get(index);
            if (previous != null && !new String(previous.data(), java.nio.charset.StandardCharsets.UTF_8).equals(value)) {
                throw new AssertionError("state machine safety: snapshot on node " + node + " holds '" + value
                        + "' at index " + index + " where " + previous + " was applied");
            }
        });
    }
}
