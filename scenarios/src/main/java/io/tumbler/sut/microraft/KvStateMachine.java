package io.tumbler.sut.microraft;

import io.microraft.statemachine.StateMachine;
import io.tumbler.vm.VmStateMachine;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Tumbler's {@link VmStateMachine} as MicroRaft's state machine: the same commands and queries the {@code kv} and
 * other workloads send to Tumbler's Raft, with client sessions (a retried command is applied once, as Tumbler's
 * node driver does), so histories against either Raft are checked by the same models.
 *
 * <p>Called only on the node's executor (the simulation thread). {@link #appliedIndex()} is the last log index run
 * through {@link #runOperation} for a logged entry or installed from a snapshot.
 */
final class KvStateMachine implements StateMachine {
  /** What a session keeps: the last sequence applied for a client and its result. */
  private record Session(long sequence, byte[] result) {}

  private final VmStateMachine vm = new VmStateMachine();
  private final TreeMap<Long, Session> sessions = new TreeMap<>();
  private final LongConsumer applied;
  private long appliedIndex;

  /** @param applied told every log index applied (the harness checks the VM invariants after each) */
  KvStateMachine(LongConsumer applied) {
    this.applied = applied;
  }

  VmStateMachine vm() {
    return vm;
  }

  long appliedIndex() {
    return appliedIndex;
  }

  @Override
  public Object runOperation(long commitIndex, Object operation) {
    if (operation instanceof KvOperation.Query q) {
      return new KvResult.Done(vm.query(q.query()));
    }
    if (commitIndex <= appliedIndex) {
      throw new IllegalStateException("MicroRaft applied log index " + commitIndex + " after " + appliedIndex);
    }
    appliedIndex = commitIndex;
    Object result = null;
    if (operation instanceof KvOperation.Command c) {
      result = apply(commitIndex, c);
    } else if (!(operation instanceof KvOperation.NewTerm)) {
      throw new IllegalArgumentException("not an operation of this state machine: " + operation);
    }
    applied.accept(commitIndex);
    return result;
  }

  private KvResult apply(long index, KvOperation.Command c) {
    Session session = sessions.get(c.clientId());
    if (session != null && c.sequence() == session.sequence()) {
      return new KvResult.Done(session.result());
    }
    if (session != null && c.sequence() < session.sequence()) {
      return new KvResult.Superseded(session.sequence());
    }
    byte[] result = vm.apply(index, c.payload());
    sessions.put(c.clientId(), new Session(c.sequence(), result));
    return new KvResult.Done(result);
  }

  @Override
  public void takeSnapshot(long commitIndex, java.util.function.Consumer<Object> chunks) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      byte[] image = vm.snapshot();
      out.writeLong(appliedIndex);
      out.writeInt(image.length);
      out.write(image);
      out.writeInt(sessions.size());
      for (Map.Entry<Long, Session> e : sessions.entrySet()) {
        out.writeLong(e.getKey());
        out.writeLong(e.getValue().sequence());
        out.writeInt(e.getValue().result().length);
        out.write(e.getValue().result());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chunks.accept(new KvOperation.Image(bytes.toByteArray()));
  }

  @Override
  public void installSnapshot(long commitIndex, List<Object> chunks) {
    if (chunks.size() != 1 || !(chunks.get(0) instanceof KvOperation.Image image)) {
      throw new IllegalArgumentException("a snapshot of this state machine is one Image chunk, got " + chunks);
    }
    ByteBuffer in = ByteBuffer.wrap(image.bytes());
    in.getLong(); // the applied index when the image was taken (its entry index is commitIndex)
    byte[] vmImage = new byte[in.getInt()];
    in.get(vmImage);
    vm.restore(vmImage);
    sessions.clear();
    for (int n = in.getInt(); n > 0; n--) {
      long client = in.getLong();
      long sequence = in.getLong();
      byte[] result = new byte[in.getInt()];
      in.get(result);
      sessions.put(client, new Session(sequence, result));
    }
    appliedIndex = commitIndex;
  }

  @Override
  public Object getNewTermOperation() {
    return new KvOperation.NewTerm();
  }
}
