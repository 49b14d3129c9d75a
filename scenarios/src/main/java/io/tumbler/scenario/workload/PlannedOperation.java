package io.tumbler.scenario.workload;

import io.tumbler.scenario.cluster.Wire.RequestKind;

/**
 * One operation client number {@code client} is about to invoke: what goes into the history ({@code f}, {@code value}) and
 * what goes over the wire ({@code kind}, {@code payload}, an encoded VM command or query).
 */
public record PlannedOperation(int client, String f, Object value, RequestKind kind, byte[] payload) {
  public PlannedOperation {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** True for reads: they have no effect, so a read that timed out is recorded as failed, not indeterminate. */
  public boolean isRead() {
    return kind != RequestKind.COMMAND;
  }
}
