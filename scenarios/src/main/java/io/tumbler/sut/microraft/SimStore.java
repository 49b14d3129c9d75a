package io.tumbler.sut.microraft;

import io.microraft.model.log.LogEntry;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import io.microraft.model.persistence.RaftEndpointPersistentState;
import io.microraft.model.persistence.RaftTermPersistentState;
import io.microraft.persistence.RaftStore;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.disk.SyncResult;
import java.util.List;

/**
 * MicroRaft's {@link RaftStore} on the node's simulated disk: every call appends one checksummed record
 * ({@link StoreRecord}) to a single log file, and {@link #flush} (and each {@code persistAndFlush...}) syncs it. The
 * simulated sync completes later; until it does, {@link SimExecutor} holds the node's output and further tasks, so
 * nothing leaves the node before what MicroRaft believed durable is durable. A crash loses the unsynced tail (and may
 * tear its last record), exactly what MicroRaft must survive; {@link StoreRecovery} reads the file back into
 * {@link io.microraft.persistence.RestoredRaftState}. A failed sync halts the node (fail-stop), as MicroRaft's flush
 * would throw.
 */
final class SimStore implements RaftStore {
  static final String FILE = "microraft.log";

  private final SimDisk disk;
  private final SimExecutor executor;
  private final java.util.function.Consumer<String> halt;

  SimStore(SimDisk disk, SimExecutor executor, java.util.function.Consumer<String> halt) {
    this.disk = disk;
    this.executor = executor;
    this.halt = halt;
  }

  @Override
  public void persistAndFlushLocalEndpoint(RaftEndpointPersistentState state) {
    append(StoreRecord.of(StoreRecord.ENDPOINT).putEndpoint(state.getLocalEndpoint()).putInt(state.isVoting() ? 1 : 0));
    flush();
  }

  @Override
  public void persistAndFlushInitialGroupMembers(RaftGroupMembersView view) {
    append(StoreRecord.of(StoreRecord.MEMBERS).putMembers(view));
    flush();
  }

  @Override
  public void persistAndFlushTerm(RaftTermPersistentState state) {
    append(StoreRecord.of(StoreRecord.TERM).putInt(state.getTerm()).putEndpoint(state.getVotedFor()));
    flush();
  }

  @Override
  public void persistLogEntries(List<LogEntry> entries) {
    for (LogEntry e : entries) {
      append(StoreRecord.of(StoreRecord.ENTRIES).putLong(e.getIndex()).putInt(e.getTerm()).putOperation(e.getOperation()));
    }
  }

  @Override
  public void persistSnapshotChunk(SnapshotChunk chunk) {
    append(StoreRecord.of(StoreRecord.CHUNK).putLong(chunk.getIndex()).putInt(chunk.getTerm())
        .putInt(chunk.getSnapshotChunkIndex()).putInt(chunk.getSnapshotChunkCount())
        .putMembers(chunk.getGroupMembersView()).putOperation(chunk.getOperation()));
  }

  @Override
  public void truncateLogEntriesFrom(long logIndexInclusive) {
    append(StoreRecord.of(StoreRecord.TRUNCATE_FROM).putLong(logIndexInclusive));
  }

  @Override
  public void truncateLogEntriesUntil(long logIndexInclusive) {
    append(StoreRecord.of(StoreRecord.TRUNCATE_UNTIL).putLong(logIndexInclusive));
  }

  @Override
  public void deleteSnapshotChunks(long logIndex, int snapshotChunkCount) {
    append(StoreRecord.of(StoreRecord.DELETE_CHUNKS).putLong(logIndex).putInt(snapshotChunkCount));
  }

  /** Starts a sync of everything appended so far; the node is stalled until it completes. */
  @Override
  public void flush() {
    executor.syncStarted();
    disk.sync(FILE, result -> {
      if (result == SyncResult.SYNCED) {
        executor.syncCompleted();
      } else {
        halt.accept("fsync of " + FILE + " failed");
      }
    });
  }

  private void append(StoreRecord record) {
    disk.append(FILE, record.frame());
  }
}
