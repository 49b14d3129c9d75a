package io.tumbler.raft;

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
