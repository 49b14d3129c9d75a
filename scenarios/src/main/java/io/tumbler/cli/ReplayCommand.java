package io.tumbler.cli;

import io.tumbler.fault.InvalidScheduleException;
import io.tumbler.scenario.replay.RecordedRun;
import io.tumbler.scenario.replay.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumbler replay DIR}: re-runs a recorded run and verifies it is the same run. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Re-runs a recorded run and verifies it is the same run.",
    "Re-runs a run or failure directory (its scenario, seed and schedule.json) and verifies the fingerprint",
    "and the violated checks are the same. Writes the replay's run directory to <DIR>/replay/.",
    "Exit: the replayed run's outcome (0 pass, 1 violation, 2 liveness); 4 when the replay differs; 3 bad input",
    "(including a schedule.json that names a node the cluster does not have: refused before anything runs)."})
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "A run directory (e.g. tumbler-out/fuzz-default/failures/seed-12).")
  Path dir;

  @Option(names = "--sut", paramLabel = "NAME",
      description = "Run on this Raft instead of the one recorded in run.json (tumbler or microraft); a replay on another Raft differs by design.")
  String sut;

  @Option(names = "--check-time-limit", defaultValue = "60", description = "Seconds for the linearizability check.")
  long checkSeconds;

  @Override
  public Integer call() throws IOException {
    RecordedRun recorded;
    try {
      recorded = RecordedRun.load(dir);
      if (sut != null) {
        recorded = recorded.onSut(Scenarios.withSut(recorded.scenario(), sut).sut());
      }
      recorded.scenario();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("replaying %s: scenario %s, seed %d%s, %d faults, recorded fingerprint %s%n", dir,
        recorded.scenarioName(), recorded.seed(), recorded.bugs().isEmpty() ? "" : ", bugs " + recorded.bugs(),
        recorded.schedule().faults().size(), recorded.fingerprint());
    Replay.Verdict v;
    try {
      v = Replay.replay(recorded, Duration.ofSeconds(checkSeconds));
    } catch (InvalidScheduleException e) {
      throw ShrinkCommand.misfit(dir, e);
    }
    RunCommand.writeDirectory(dir.resolve("replay"), v.rerun(), spec.commandLine().getErr());
    RunCommand.printHuman(out, v.rerun(), dir.resolve("replay"));
    if (v.exact()) {
      out.println("REPLAY EXACT: same fingerprint, same violated checks " + recorded.violated());
      out.flush();
      return v.rerun().result().outcome().exitCode();
    }
    out.println("!!! REPLAY DIFFERS !!!");
    v.differences().forEach(d -> out.println("!!! " + d));
    out.println("!!! (a different build, a hand-edited schedule.json, or non-determinism: please report it)");
    out.flush();
    return ExitCode.HARNESS_ERROR;
  }
}
