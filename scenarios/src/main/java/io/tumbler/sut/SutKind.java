package io.tumbler.sut;

import java.util.Locale;

/**
 * The Raft implementations Tumbler can put under test, by their command-line name ({@code --sut}). A run records
 * its kind in run.json and a replay runs the same one. {@link #TUMBLER} is hosted by the cluster's own
 * {@code NodeProcess}; every other kind is built through {@link #system()}.
 */
public enum SutKind {
  /** Tumbler's own Raft (raft-impl): every fault, known bug and buggify point applies. */
  TUMBLER,
  /** MicroRaft 0.7 behind {@link io.tumbler.sut.microraft.MicroRaftSut}. */
  MICRORAFT;

  /** The name on the command line and in run.json. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The factory of this kind's nodes for a cluster taking a snapshot every {@code snapshotEveryEntries} entries and
   * sending at most {@code maxEntriesPerAppend} per append; {@link #TUMBLER} has none (NodeProcess hosts it).
   */
  public SystemUnderTest system(int snapshotEveryEntries, int maxEntriesPerAppend) {
    if (this == TUMBLER) {
      throw new IllegalStateException("Tumbler's Raft is hosted by NodeProcess, not built through the seam");
    }
    return new io.tumbler.sut.microraft.MicroRaftSut(snapshotEveryEntries, maxEntriesPerAppend);
  }

  /** The kind named {@code name} ({@code tumbler}, {@code microraft}); an unknown name throws. */
  public static SutKind parse(String name) {
    for (SutKind kind : values()) {
      if (kind.cliName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown system under test '" + name + "' (known: tumbler, microraft)");
  }
}
