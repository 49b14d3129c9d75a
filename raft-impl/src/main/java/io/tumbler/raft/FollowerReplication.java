package io.tumbler.raft;

/**
 * A follower's side of replication (Raft §5.3, §7): accepting or rejecting appends with a
 * fast-backtracking hint, heartbeats, and snapshots from the leader.
 */
final class FollowerReplication {
    private final RaftState s;

    FollowerReplication(RaftState state) {
        this.s = state;
    }

    void handleAppendEntries(AppendEntries m) {
        s.log.checkAgreesWithCommitted(m.prevIndex(), m.prevTerm());
        if (m.prevIndex() < s.log.committed()) {
            // Everything up to our commit index matches any current leader (§5.4): say how far we are.
            accept(m.from(), s.log.committed());
            return;
        }
        long lastNew = s.log.maybeAppend(m.prevIndex(), m.prevTerm(), m.commitIndex(), m.entries());
        if (lastNew >= 0) {
            accept(m.from(), lastNew);
            return;
        }
        ConflictHint hint = s.log.findConflictByTerm(Math.min(m.prevIndex(), s.log.lastIndex()), m.prevTerm());
        s.send(new AppendResponse(s.id, m.from(), s.term(), false, m.prevIndex(), hint.index(), hint.term()));
        s.took(ProtocolPath.APPEND_REJECTED_LOG_MISMATCH, m.from());
    }

    /** The leader sends {@code min(its commit, our match)}, so committing it needs no log check. */
    void handleHeartbeat(Heartbeat m) {
        s.log.commitTo(m.commitIndex());
        s.send(new HeartbeatResponse(s.id, m.from(), s.term(), m.round()));
    }

    void handleInstallSnapshot(InstallSnapshot m) {
        SnapshotMeta meta = m.snapshot().meta();
        if (meta.index() <= s.log.committed()) {
            accept(m.from(), s.log.committed());
        } else if (s.log.matchTerm(meta.index(), meta.term())) {
            // We already hold the entries the snapshot covers: committing is enough.
            s.log.commitTo(meta.index());
            accept(m.from(), s.log.committed());
        } else {
            s.log.restore(m.snapshot());
            s.setLatestSnapshot(m.snapshot());
            accept(m.from(), s.log.lastIndex());
        }
    }

    private void accept(int leader, long matchIndex) {
        s.send(new AppendResponse(s.id, leader, s.term(), true, matchIndex, 0, 0));
    }
}
