package io.tumbler.scenario.run;

import io.tumbler.sut.SutKind;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which scenarios a system under test other than Tumbler's Raft can take, and why not when it cannot: known bugs,
 * buggify points, membership changes and the rejoin handshake are Tumbler's Raft's own, and some scenario checks
 * read journal events only Tumbler's Raft writes. A refused run is bad input (exit 3), never a silent pass.
 */
public final class SutCompatibility {
  private static final TreeMap<String, String> REFUSED = new TreeMap<>(Map.of(
      "membership", "it adds, removes and replaces hosts through Tumbler's membership changes",
      "rejoin", "it drives Tumbler's rejoin handshake (host identity, join proofs)",
      "minority-partition", "its check reads commit indexes that only Tumbler's Raft journals",
      "long-conflicting-suffix", "it turns CheckQuorum off, a knob of Tumbler's Raft, and checks journaled truncations",
      "lease-skew", "it hunts Tumbler's lease-read known bugs"));

  private SutCompatibility() {}

  /** Why {@code scenario} cannot run on {@code kind}, or null when it can. */
  public static String refusal(Scenario scenario, SutKind kind) {
    if (kind == SutKind.TUMBLER) {
      return null;
    }
    if (!scenario.bugs().isEmpty()) {
      return "known bugs (--bug) are deliberate bugs of Tumbler's Raft; " + kind.cliName() + " has none to switch on";
    }
    if (scenario.name().endsWith("-hunt")) {
      return "scenario " + scenario.name() + " hunts Tumbler's known bugs with its buggify points";
    }
    String why = REFUSED.get(scenario.name());
    return why == null ? null : "scenario " + scenario.name() + " cannot run on " + kind.cliName() + ": " + why;
  }
}
