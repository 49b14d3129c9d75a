package io.tumbler.sut.microraft;

import io.microraft.model.RaftModelFactory;
import io.microraft.model.log.LogEntry;
import io.microraft.model.log.RaftGroupMembersView;
import io.microraft.model.log.SnapshotChunk;
import io.microraft.model.log.SnapshotEntry;
import io.microraft.model.persistence.RaftEndpointPersistentState;
import io.microraft.model.persistence.RaftTermPersistentState;
import io.microraft.persistence.RestoredRaftState;
import io.tumbler.sim.disk.SimDisk;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@link SimStore}'s log file back, replaying its records in order: the local endpoint, the initial members,
 * the last term and vote, the latest snapshot all of whose chunks were persisted, and the log entries after it
 * (contiguous). Nothing on disk means a first start.
 */
final class StoreRecovery {
  /** What the disk held: a state to restore, nothing (first start), or damage before the end of the log. */
  sealed interface Outcome {
    record Restored(RestoredRaftState state, long lastLogIndex) implements Outcome {}

    record Fresh() implements Outcome {}

    record Damaged(String why) implements Outcome {}
  }

  private final RaftModelFactory models;
  private RaftEndpointPersistentState endpoint;
  private RaftGroupMembersView members;
  private RaftTermPersistentState term;
  private final TreeMap<Long, LogEntry> entries = new TreeMap<>();
  private final TreeMap<Long, TreeMap<Integer, SnapshotChunk>> chunks = new TreeMap<>();
  private SnapshotEntry snapshot;

  private StoreRecovery(RaftModelFactory models) {
    this.models = models;
  }

  static Outcome read(SimDisk disk, RaftModelFactory models) {
    if (!disk.exists(SimStore.FILE)) {
      return new Outcome.Fresh();
    }
    byte[] file = disk.readAll(SimStore.FILE);
    StoreRecord.Scan scan = StoreRecord.scan(file);
    if (scan.damagedBeforeEnd()) {
      return new Outcome.Damaged("a record of " + SimStore.FILE + " fails its checksum before the end of the file");
    }
    StoreRecovery recovery = new StoreRecovery(models);
    for (ByteBuffer body : scan.bodies()) {
      recovery.replay(body);
    }
    Outcome outcome = recovery.outcome();
    int keep = outcome instanceof Outcome.Fresh ? 0 : scan.intactLength();
    if (keep < file.length) {
      disk.truncate(SimStore.FILE, keep); // drop a torn tail (or an identity never made durable) before appending
    }
    return outcome;
  }

  private void replay(ByteBuffer in) {
    byte tag = in.get();
    switch (tag) {
      case StoreRecord.ENDPOINT -> endpoint = models.createRaftEndpointPersistentStateBuilder()
          .setLocalEndpoint(StoreRecord.endpoint(in)).setVoting(in.getInt() == 1).build();
      case StoreRecord.MEMBERS -> members = StoreRecord.members(in, models);
      case StoreRecord.TERM -> term = models.createRaftTermPersistentStateBuilder().setTerm(in.getInt())
          .setVotedFor(StoreRecord.endpoint(in)).build();
      case StoreRecord.ENTRIES -> {
        LogEntry e = StoreRecord.entry(in, models);
        entries.put(e.getIndex(), e);
      }
      case StoreRecord.CHUNK -> addChunk(StoreRecord.chunk(in, models));
      case StoreRecord.TRUNCATE_FROM -> entries.tailMap(in.getLong(), true).clear();
      case StoreRecord.TRUNCATE_UNTIL -> entries.headMap(in.getLong(), true).clear();
      case StoreRecord.DELETE_CHUNKS -> chunks.remove(in.getLong());
      default -> throw new IllegalStateException("unknown record tag " + tag + " in " + SimStore.FILE);
    }
  }

  private void addChunk(SnapshotChunk chunk) {
    TreeMap<Integer, SnapshotChunk> of = chunks.computeIfAbsent(chunk.getIndex(), i -> new TreeMap<>());
    of.put(chunk.getSnapshotChunkIndex(), chunk);
    if (of.size() == chunk.getSnapshotChunkCount()) {
      snapshot = models.createSnapshotEntryBuilder().setIndex(chunk.getIndex()).setTerm(chunk.getTerm())
          .setSnapshotChunks(new ArrayList<>(of.values())).setGroupMembersView(chunk.getGroupMembersView()).build();
      chunks.headMap(chunk.getIndex(), true).clear();
    }
  }

  private Outcome outcome() {
    if (endpoint == null || members == null) {
      return new Outcome.Fresh(); // the first start crashed before its identity was durable
    }
    long next = snapshot == null ? 1 : snapshot.getIndex() + 1;
    List<LogEntry> log = new ArrayList<>();
    for (Map.Entry<Long, LogEntry> e : entries.tailMap(next, true).entrySet()) {
      if (e.getKey() != next) {
        break;
      }
      log.add(e.getValue());
      next++;
    }
    RaftTermPersistentState t = term != null ? term
        : models.createRaftTermPersistentStateBuilder().setTerm(0).setVotedFor(null).build();
    return new Outcome.Restored(new RestoredRaftState(endpoint, members, t, snapshot, log), next - 1);
  }
}
