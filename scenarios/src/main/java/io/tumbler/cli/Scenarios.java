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

  /**
   * The scenario on the system under test named {@code sut} ({@code --sut}, null: Tumbler's Raft); an unknown name,
   * or a scenario that system cannot take, is bad input naming why.
   */
  static Scenario withSut(Scenario s, String sut) {
    io.tumbler.sut.SutKind kind;
    try {
      kind = sut == null ? io.tumbler.sut.SutKind.TUMBLER : io.tumbler.sut.SutKind.parse(sut);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    String refusal = io.tumbler.scenario.run.SutCompatibility.refusal(s, kind);
    if (refusal != null) {
      throw new BadInputException("--sut " + kind.cliName() + " refused: " + refusal);
    }
    return s.withSut(kind);
  }

  static Scenario named(String name) {
    try {
      return ScenarioCatalog.named(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
