package io.tumbler.raft;

import java.util.List;

/**
 * A batch of work the driver must do for the core, in this order (the persist-before-send
 * contract):
 * <ol>
 *   <li>If {@code snapshotToInstall} is set, persist it (it replaces the whole log up to its index).</li>
 *   <li>Persist {@code entriesToPersist} — appending an entry at index i discards any stored entry at
 *       index &gt;= i — and {@code hardState} if set, then sync. These must be DURABLE before step 3:
 *       the messages may promise (a vote, an append acknowledgement) what only durable state backs.</li>
 *   <li>Send {@code messages}.</li>
 *   <li>Restore the state machine from {@code snapshotToInstall} if set, then apply
 *       {@code committedEntries} in order (skipping {@link EntryType#NOOP}), then serve
 *       {@code readStates} whose index has been applied.</li>
 *   <li>Call {@link RaftCore#advance(Ready)} with this same object.</li>
 * </ol>
 * Committed entries may include entries of this same Ready's {@code entriesToPersist}; they must be
 * persisted (step 2) before they are applied.
 *
 * @param softState         new soft state, or null if unchanged
 * @param hardState         new hard state, or null if unchanged
 * @param entriesToPersist  entries to append to stable storage
 * @param snapshotToInstall a snapshot received from the leader, or null
 * @param messages          messages to send after persisting
 * @param committedEntries  entries to apply, contiguous, in index order
 * @param readStates        reads that have become safe
 * @param configuration     the configuration of the log as this Ready leaves it (after its snapshot and entries
 *                          are persisted), or null if unchanged; for the driver to report, not to act on
 */
public record Ready(SoftState softState, HardState hardState, List<Entry> entriesToPersist,
                    Snapshot snapshotToInstall, List<Message> messages, List<Entry> committedEntries,
                    List<ReadState> readStates, LogConfiguration configuration) {
    public Ready {
        entriesToPersist = List.copyOf(entriesToPersist);
        messages = List.copyOf(messages);
        committedEntries = List.copyOf(committedEntries);
        readStates = List.copyOf(readStates);
    }

    /** A Ready that leaves the configuration unchanged. */
    public Ready(SoftState softState, HardState hardState, List<Entry> entriesToPersist, Snapshot snapshotToInstall,
                 List<Message> messages, List<Entry> committedEntries, List<ReadState> readStates) {
        this(softState, hardState, entriesToPersist, snapshotToInstall, messages, committedEntries, readStates, null);
    }

    /** True if anything must be persisted (and synced) before {@link #messages()} are sent. */
    public boolean mustSync() {
        return hardState != null || !entriesToPersist.isEmpty() || snapshotToInstall != null;
    }
}
