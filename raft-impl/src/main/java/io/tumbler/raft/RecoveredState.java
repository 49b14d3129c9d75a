package io.tumbler.raft;

import java.util.List;

/**
 * What a restarted node loaded from stable storage: its hard state, its latest snapshot (or
 * null) and the entries after the snapshot, contiguous from {@code snapshot.meta().index() + 1}.
 * The driver has restored its state machine from the snapshot, so the core considers the snapshot
 * index applied and re-emits committed entries after it.
 */
public record RecoveredState(HardState hardState, Snapshot snapshot, List<Entry> entries) {
    public RecoveredState {
        if (hardState == null || entries == null) {
            throw new IllegalArgumentException("hard state and entries are required (use empty())");
        }
        entries = List.copyOf(entries);
    }

    /** A node that has never run. */
    public static RecoveredState empty() {
        return new RecoveredState(HardState.EMPTY, null, List.of());
    }

    /** The snapshot position, {@link SnapshotMeta#NONE} if there is none. */
    public SnapshotMeta snapshotMeta() {
        return snapshot == null ? SnapshotMeta.NONE : snapshot.meta();
    }
}
