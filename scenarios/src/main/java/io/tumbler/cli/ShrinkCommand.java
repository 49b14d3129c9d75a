package io.tumbler.cli;

import io.tumbler.fault.InvalidScheduleException;
import io.tumbler.scenario.replay.RecordedRun;
import io.tumbler.scenario.replay.Shrinker;
import io.tumbler.scenario.run.Scenario;
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

/** {@code tumbler shrink DIR}: the smallest schedule, workload and run length that still fail the same check. */
@Command(name = "shrink", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Shrinks a failing run to the smallest schedule, workload and length that still fail.",
    "Delta-debugs a failing run directory: removes faults from its schedule, halves the client operations,",
    "shortens the safety phase, re-running each candidate with the same seed, keeping only candidates that",
    "still fail the same check. Writes the result as a new run directory (default <DIR>-shrunk).",
    "Exit: 0 shrunk, 3 bad input (not a failing run directory)."})
final class ShrinkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "A failing run directory.")
  Path dir;

  @Option(names = "--out", description = "Where to write the shrunk run. Default: <DIR>-shrunk.")
  Path out;

  @Option(names = "--sut", paramLabel = "NAME",
      description = "Run on this Raft instead of the one recorded in run.json (tumbler or microraft); a replay on another Raft differs by design.")
  String sut;

  @Option(names = "--check-time-limit", defaultValue = "60", description = "Seconds for each linearizability check.")
  long checkSeconds;

  @Override
  public Integer call() throws IOException {
    RecordedRun recorded;
    Scenario scenario;
    try {
      recorded = RecordedRun.load(dir);
      if (sut != null) {
        recorded = recorded.onSut(Scenarios.withSut(recorded.scenario(), sut).sut());
      }
      scenario = recorded.scenario();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    if (recorded.violated().isEmpty()) {
      throw new BadInputException(dir + " is a passing run: nothing to shrink");
    }
    Path target2 = OutputPaths.directory("--out", out != null ? out : dir.resolveSibling(dir.getFileName() + "-shrunk"));
    String target = recorded.violated().get(0);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("shrinking %s (seed %d) while it still fails '%s'%n", dir, recorded.seed(), target);
    Shrinker.Result r;
    try {
      r = new Shrinker(recorded.seed(), target, Duration.ofSeconds(checkSeconds),
          step -> { err.println("  " + step); err.flush(); }).shrink(scenario);
    } catch (InvalidScheduleException e) {
      throw misfit(dir, e);
    }
    RunCommand.writeDirectory(target2, r.run(), err);
    PrintWriter o = spec.commandLine().getOut();
    o.printf("shrunk in %d runs: faults %d -> %d, operations %d -> %d, safety phase %d -> %d ms%n", r.runs(),
        recorded.schedule().faults().size(), r.run().schedule().faults().size(), scenario.operationLimit(),
        r.scenario().operationLimit(), scenario.safetyMillis(), r.scenario().safetyMillis());
    o.printf("still fails: %s%nshrunk run: %s%nreplay: ./tumbler replay %s%n", r.run().result().violated(), target2, target2);
    o.flush();
    return ExitCode.PASS;
  }

  /** A recorded schedule that does not fit its run's cluster: bad input, refused before anything ran. */
  static BadInputException misfit(Path dir, InvalidScheduleException e) {
    return new BadInputException(dir.resolve("schedule.json") + ": " + e.getMessage()
        + "; fix or remove that fault (nothing was run)", e);
  }
}
