package io.tumbler.raft;

import java.util.List;

/**
 * A snapshot of a core's externally interesting state. {@code progress} is non-empty only on the
 * leader, ordered by peer id; {@code configuration} is the one the node uses now (the latest in its log).
 */
public record Status(int id, Role role, long term, int votedFor, int leaderId, long commitIndex,
                     long appliedIndex, long firstIndex, long lastIndex, long snapshotIndex,
                     int transferTarget, List<PeerStatus> progress, Configuration configuration) {
    public Status {
        progress = List.copyOf(progress);
    }
}
