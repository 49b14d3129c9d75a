package io.tumbler.cli;

import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunDirectory;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tumbler run}: one scenario, one seed, every check, and a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Runs one seed of a scenario and checks it.",
    "Runs one seed of a scenario in the simulator and checks it: Raft safety, VM invariants,",
    "linearizability of the client history, liveness after healing. Writes a run directory.",
    "Exit: 0 pass, 1 correctness violation, 2 liveness failure, 3 bad usage, 4 harness error."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", defaultValue = ScenarioCatalog.DEFAULT,
      description = "Scenario name (see 'tumbler list scenarios'). Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--seed", defaultValue = "1", description = "The seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", description = "Run directory. Default: tumbler-out/run-<scenario>-<seed>.")
  Path out;

  @Option(names = "--bug", split = ",", paramLabel = "NAME", description = BugFlags.DESCRIPTION)
  java.util.List<String> bugs;

  @Option(names = "--sut", paramLabel = "NAME",
      description = "The Raft under test: tumbler (default) or microraft (MicroRaft 0.7; scenarios it cannot take are refused).")
  String sut;

  @Option(names = "--workload", description = "Override the scenario's workload: kv, kv-readers, vm, vm-members or paths.")
  String workload;

  @Option(names = "--read-mode", description = "Override how reads are served: linearizable, lease or local (local reads may be stale).")
  String readMode;

  @Option(names = "--json", description = "Print one JSON object instead of the human summary.")
  boolean json;

  @Option(names = "--no-trace", description = "Do not write trace.jsonl (the simulator's full event trace).")
  boolean noTrace;

  @Option(names = "--check-time-limit", defaultValue = "60",
      description = "Seconds the linearizability check may take before its verdict is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  long checkSeconds;

  @Override
  public Integer call() throws IOException {
    Scenario s = Scenarios.withSut(
        Scenarios.withOverrides(Scenarios.named(scenario), workload, readMode).withBugs(BugFlags.parse(bugs)), sut);
    PrintWriter err = spec.commandLine().getErr();
    Path dir = OutputPaths.directory("--out", out != null ? out : Path.of("tumbler-out", "run-" + s.name() + "-" + seed));
    if (!json) {
      err.println("tumbler run: scenario " + s.name() + ", seed " + seed + ", commit " + Build.commit());
      String bugFlags = s.bugs().isEmpty() ? "" : " --bug " + s.bugs();
      String sutFlag = s.sut() == io.tumbler.sut.SutKind.TUMBLER ? "" : " --sut " + s.sut().cliName();
      err.println("  reproduce: ./tumbler run --scenario " + s.name() + " --seed " + seed + bugFlags + sutFlag);
    }
    RunArtifacts run = new ScenarioRunner(!noTrace, Duration.ofSeconds(checkSeconds)).run(s, seed);
    writeDirectory(dir, run, err);
    PrintWriter outWriter = spec.commandLine().getOut();
    if (json) {
      outWriter.println(RunDirectory.runJson(run, Build.commit()).toString());
    } else {
      printHuman(outWriter, run, dir);
    }
    outWriter.flush();
    return run.result().outcome().exitCode();
  }

  /** Writes the run directory; a file that cannot be written is reported and never changes the run's exit code. */
  static void writeDirectory(Path dir, RunArtifacts run, PrintWriter err) {
    try {
      for (String failure : RunDirectory.write(dir, run, Build.commit())) {
        err.println("tumbler: warning: " + failure + " (recorded in checks.json)");
      }
    } catch (IOException | RuntimeException e) {
      err.println("tumbler: warning: the run directory " + dir + " could not be written: " + e);
    }
    err.flush();
  }

  static void printHuman(PrintWriter out, RunArtifacts run, Path dir) {
    RunResult r = run.result();
    out.printf("%s  scenario=%s seed=%d fingerprint=%s%n", r.outcome(), r.scenario(), r.seed(), r.fingerprint());
    for (CheckReport c : r.checks()) {
      out.printf("  %-16s %-7s %8.1f ms%s%n", c.check(), c.verdict(), c.millis(),
          c.details().isEmpty() ? "" : "  " + c.details().get(0));
      for (int i = 1; i < Math.min(c.details().size(), 5); i++) {
        out.printf("  %-16s %-7s %8s    %s%n", "", "", "", c.details().get(i));
      }
    }
    for (String note : r.notes()) {
      out.println("  note: " + note);
    }
    out.printf("  %d events, %d ms simulated in %d ms (%.0fx), %d history events, %d faults%n", r.events(),
        r.simulatedMillis(), r.wallMillis(), r.acceleration(), r.operations(), r.faults());
    out.println("  run directory: " + dir);
    if (r.outcome() != io.tumbler.scenario.run.Outcome.PASS) {
      out.println("  reproduce: " + run.replayCommand(dir));
    }
  }
}
