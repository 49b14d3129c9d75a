package io.tumbler.scenario.replay;

import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.List;

/**
 * Re-runs a recorded run and compares: the same fingerprint means the same run, event for event; the same
 * violated checks mean the same failure. Either differing is a loud finding (non-determinism, a changed
 * build, or a hand-edited schedule).
 */
public final class Replay {
  private Replay() {}

  /** The outcome of a replay. */
  public record Verdict(RecordedRun recorded, RunArtifacts rerun, boolean sameFingerprint, boolean sameViolation) {
    public boolean exact() {
      return sameFingerprint && sameViolation;
    }

    public List<String> differences() {
      List<String> out = new java.util.ArrayList<>();
      if (!sameFingerprint) {
        out.add("fingerprint differs: recorded " + recorded.fingerprint() + ", replayed " + rerun.result().fingerprint());
      }
      if (!sameViolation) {
        out.add("violated checks differ: recorded " + recorded.violated() + ", replayed " + rerun.result().violated());
      }
      return out;
    }
  }

  public static Verdict replay(RecordedRun recorded, Duration checkTimeLimit) {
    return replay(recorded, recorded.scenario(), checkTimeLimit);
  }

  /**
   * Replays {@code recorded} as {@code scenario}: {@code recorded.scenario()} with what a run directory cannot
   * record, such as a test's {@link io.tumbler.scenario.cluster.NodeStateMachines} seam.
   */
  public static Verdict replay(RecordedRun recorded, io.tumbler.scenario.run.Scenario scenario, Duration checkTimeLimit) {
    RunArtifacts rerun = new ScenarioRunner(true, checkTimeLimit).run(scenario, recorded.seed());
    boolean sameFingerprint = rerun.result().fingerprint().equals(recorded.fingerprint());
    boolean sameViolation = rerun.result().violated().equals(recorded.violated());
    return new Verdict(recorded, rerun, sameFingerprint, sameViolation);
  }
}
