package io.tumbler.scenario.workload;

import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.runtime.ClientRequest;

/**
 * One operation client number {@code client} is about to invoke: what goes into the history ({@code f}, {@code value}) and
 * what goes over the wire, in the production client protocol: a command ({@code readMode} null) or a read in
 * {@code readMode}, with its {@code payload} (an encoded VM command or query).
 */
public record PlannedOperation(int client, String f, Object value, ReadMode readMode, byte[] payload) {
  public PlannedOperation {
    payload = payload.clone();
  }

  /** A replicated command: applied at most once per (session, sequence). */
  public static PlannedOperation command(int client, String f, Object value, byte[] command) {
    return new PlannedOperation(client, f, value, null, command);
  }

  /** A read of {@code query} served in {@code mode}. */
  public static PlannedOperation read(int client, String f, Object value, ReadMode mode, byte[] query) {
    return new PlannedOperation(client, f, value, mode, query);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** True for reads: they have no effect, so a read that timed out is recorded as failed, not indeterminate. */
  public boolean isRead() {
    return readMode != null;
  }

  /** True for a read a replica serves from its own state (stale by design). */
  public boolean isLocalRead() {
    return readMode == ReadMode.LOCAL;
  }

  /** The request a client in session {@code clientId} sends for this operation as its {@code sequence}th. */
  public ClientRequest request(long clientId, long sequence) {
    return isRead() ? new ClientRequest.Read(readMode, payload()) : new ClientRequest.Submit(clientId, sequence, payload());
  }
}
