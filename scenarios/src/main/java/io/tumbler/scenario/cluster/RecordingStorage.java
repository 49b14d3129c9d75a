package io.tumbler.scenario.cluster;

import io.tumbler.raft.Entry;
import io.tumbler.raft.HardState;
import io.tumbler.raft.RecoveredState;
import io.tumbler.raft.Snapshot;
import io.tumbler.raft.node.LogStorage;
import io.tumbler.raft.node.SyncCallback;
import java.util.List;

/**
 * Passes every call to the production log storage and keeps what {@link #load} recovered, so the
 * harness can announce a restarted node's durable log to the safety checker without a second read.
 */
final class RecordingStorage implements LogStorage {
  private final LogStorage delegate;
  private final Runnable onFailedSync;
  private RecoveredState recovered;

  /** {@code onFailedSync} is told of each sync that completes as failed (for the coverage counters). */
  RecordingStorage(LogStorage delegate, Runnable onFailedSync) {
    this.delegate = delegate;
    this.onFailedSync = onFailedSync;
  }

  RecoveredState recovered() {
    return recovered;
  }

  @Override
  public RecoveredState load() {
    recovered = delegate.load();
    return recovered;
  }

  @Override
  public void append(List<Entry> entries) {
    delegate.append(entries);
  }

  @Override
  public void saveHardState(HardState hardState) {
    delegate.saveHardState(hardState);
  }

  @Override
  public void saveSnapshot(Snapshot snapshot) {
    delegate.saveSnapshot(snapshot);
  }

  @Override
  public void installSnapshot(Snapshot snapshot) {
    delegate.installSnapshot(snapshot);
  }

  @Override
  public void compactPrefix(long throughIndex) {
    delegate.compactPrefix(throughIndex);
  }

  @Override
  public void sync(SyncCallback callback) {
    delegate.sync(result -> {
      if (!result.succeeded()) {
        onFailedSync.run();
      }
      callback.completed(result);
    });
  }

  @Override
  public void close() {
    delegate.close();
  }
}
