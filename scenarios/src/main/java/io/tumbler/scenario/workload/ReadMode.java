package io.tumbler.scenario.workload;

/** How a workload's reads are served; {@code LOCAL} reads may be stale by design. */
public enum ReadMode {
  LINEARIZABLE(io.tumbler.raft.node.ReadMode.LINEARIZABLE),
  LEASE(io.tumbler.raft.node.ReadMode.LEASE),
  LOCAL(io.tumbler.raft.node.ReadMode.LOCAL);

  private final io.tumbler.raft.node.ReadMode protocolMode;

  ReadMode(io.tumbler.raft.node.ReadMode protocolMode) {
    this.protocolMode = protocolMode;
  }

  /** The client protocol's read mode for this one. */
  public io.tumbler.raft.node.ReadMode protocolMode() {
    return protocolMode;
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
