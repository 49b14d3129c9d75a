package io.tumbler.sut;

import java.util.Locale;

/**
 * The Raft implementations Tumbler can put under test, by their command-line name ({@code --sut}). A run records
 * its kind in run.json and a replay runs the same one. The simulated cluster hosts every kind the same way, through
 * the {@link SystemUnderTest} it builds for the kind.
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
