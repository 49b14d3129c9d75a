package io.tumbler.scenario.workload;

import io.tumbler.scenario.cluster.Wire.RequestKind;

/** How a workload's reads are served; {@code LOCAL} reads may be stale by design. */
public enum ReadMode {
  LINEARIZABLE(RequestKind.READ_LINEARIZABLE),
  LEASE(RequestKind.READ_LEASE),
  LOCAL(RequestKind.READ_LOCAL);

  private final RequestKind kind;

  ReadMode(RequestKind kind) {
    this.kind = kind;
  }

  public RequestKind requestKind() {
    return kind;
  }

  /** Parses {@code linearizable}, {@code lease} or {@code local}. */
  public static ReadMode parse(String name) {
    for (ReadMode mode : values()) {
      if (mode.name().equalsIgnoreCase(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown read mode '" + name + "' (expected linearizable, lease or local)");
  }
}
