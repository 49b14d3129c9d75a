package io.tumbler.cli;

import io.tumbler.raft.KnownBugs;
import java.util.List;

/** {@code --bug NAME[,NAME...]} (repeatable) for the commands: an unknown name is bad input (exit 3) listing the known ones. */
final class BugFlags {
  static final String DESCRIPTION = "Switch on known Raft bugs (comma-separated or repeated; see 'tumbler list bugs'). "
      + "Simulation only.";

  private BugFlags() {}

  static KnownBugs parse(List<String> names) {
    try {
      return KnownBugs.parseAll(names);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--bug: " + e.getMessage(), e);
    }
  }
}
