package io.tumbler.cli;

import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.scenario.workload.Workloads;

/** Scenario lookup for the commands: an unknown name is bad input (exit 3) naming the known ones. */
final class Scenarios {
  private Scenarios() {}

  /** Applies {@code --workload} and {@code --read-mode} (either may be null); a bad value is bad input. */
  static Scenario withOverrides(Scenario s, String workload, String readMode) {
    if (workload == null && readMode == null) {
      return s;
    }
    String w = workload != null ? workload : s.workload();
    if (!Workloads.names().contains(w)) {
      throw new BadInputException("unknown workload '" + w + "' (known: " + String.join(", ", Workloads.names()) + ")");
    }
    try {
      ReadMode mode = readMode != null ? ReadMode.parse(readMode) : s.readMode();
      return s.withWorkload(w, mode);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  static Scenario named(String name) {
    try {
      return ScenarioCatalog.named(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
