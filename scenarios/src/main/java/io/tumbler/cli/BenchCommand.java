package io.tumbler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioRunner;
import io.tumbler.sim.bench.PingPongBench;
import io.tumbler.sim.bench.PingPongMeasurement;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumbler bench}: standard measurements, printed as figures (and JSON), never asserted. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = "Standard measurements, as figures or one JSON object.",
    subcommands = {BenchCommand.Simulator.class, BenchCommand.Cluster.class, BenchCheckerCommand.class,
        BenchCampaignCommand.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code tumbler bench simulator}: the kernel's events per second on the ping-pong workload. */
  @Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
      "Events per second and simulated-time acceleration of the simulator kernel: 5 processes ping-ponging",
      "with loss, duplication, reordering and partitions on; warmed up, median of 5 runs."})
  static final class Simulator implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      PingPongMeasurement m = PingPongBench.measure();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(m.toJson());
      } else {
        out.printf("simulator ping-pong: %.2fM events/s, %.1fx simulated time (median of %d runs after %d warm-ups)%n",
            m.median().eventsPerSecond() / 1e6, m.median().acceleration(), m.runs().size(), m.warmupRuns());
      }
      out.flush();
      return ExitCode.PASS;
    }
  }

  /** {@code tumbler bench cluster}: a whole scenario run, Raft and checks included, on one thread. */
  @Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
      "Runs a scenario over a few seeds on one thread (after warm-up) and reports events per second,",
      "simulated-time acceleration and seeds per second, checks included."})
  static final class Cluster implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "initial-election",
        description = "Scenario to measure. Default: ${DEFAULT-VALUE} (5 nodes, kv, no faults).")
    String scenario;

    @Option(names = "--seeds", defaultValue = "10", description = "Measured seeds. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      Scenario s = Scenarios.named(scenario);
      ScenarioRunner runner = new ScenarioRunner(false, Duration.ofSeconds(60));
      for (int i = 0; i < 3; i++) {
        runner.run(s, -1 - i);
      }
      long events = 0;
      long simulatedMillis = 0;
      long start = System.nanoTime();
      for (int seed = 1; seed <= seeds; seed++) {
        RunArtifacts run = runner.run(s, seed);
        RunResult r = run.result();
        events += r.events();
        simulatedMillis += r.simulatedMillis();
      }
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("benchmark", "cluster." + s.name());
      o.put("seeds", seeds);
      o.put("eventsPerSecond", Math.round(events / wallSeconds));
      o.put("acceleration", Math.round(simulatedMillis / 1000.0 / wallSeconds * 10) / 10.0);
      o.put("seedsPerSecondOneThread", Math.round(seeds / wallSeconds * 100) / 100.0);
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? o.toString() : String.format("%s: %.0f events/s, %.1fx simulated time, %.2f seeds/s on one thread",
          s.name(), events / wallSeconds, simulatedMillis / 1000.0 / wallSeconds, seeds / wallSeconds));
      out.flush();
      return ExitCode.PASS;
    }
  }
}
