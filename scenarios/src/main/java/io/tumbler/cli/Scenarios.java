package io.tumbler.cli;

import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;

/** Scenario lookup for the commands: an unknown name is bad input (exit 3) naming the known ones. */
final class Scenarios {
  private Scenarios() {}

  static Scenario named(String name) {
    try {
      return ScenarioCatalog.named(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
