package io.tumbler.cli;

import io.tumbler.realcluster.ClusterOptions;
import io.tumbler.realcluster.ClusterResult;
import io.tumbler.realcluster.ClusterRun;
import io.tumbler.realcluster.ClusterRunDirectory;
import io.tumbler.realcluster.ClusterStartException;
import io.tumbler.report.ReportFormat;
import io.tumbler.report.ReportOutcome;
import io.tumbler.report.Reports;
import io.tumbler.scenario.run.CheckReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tumbler cluster}: the Jepsen-style mode, real server processes under real faults, the same checks. */
@Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Runs a real cluster of server processes under faults and checks it.",
    "Starts N RaftServer processes on 127.0.0.1 (each its own JVM and data directory), routes every peer link",
    "through an in-process TCP proxy, drives the workload through the production client protocol from",
    "concurrent clients while a seeded nemesis kills (SIGKILL) and restarts, pauses (SIGSTOP/SIGCONT),",
    "partitions, delays and breaks links; heals everything, requires progress in a quiet period, then checks",
    "the history for linearizability and writes a run directory with report.html.",
    "Not deterministic: the seed fixes the faults and operations drawn, not the run.",
    "Exit: 0 pass, 1 violation, 2 liveness failure or unknown verdict, 3 bad usage, 4 harness error."})
final class ClusterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", description = "Server processes: 3 or 5. Default: ${DEFAULT-VALUE}.")
  int nodes;

  @Option(names = "--duration", defaultValue = "60s",
      description = "How long clients run, the quiet period (last quarter, 3-10 s) included: 60s, 1500ms, 2m. "
          + "Default: ${DEFAULT-VALUE}.")
  String duration;

  @Option(names = "--max-requests", defaultValue = "10000",
      description = "Most operations clients start before the final heal. Default: ${DEFAULT-VALUE}.")
  long maxRequests;

  @Option(names = "--workload", defaultValue = "kv", description = "kv or paths. Default: ${DEFAULT-VALUE}.")
  String workload;

  @Option(names = "--clients", defaultValue = "4", description = "Concurrent client threads. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(names = "--seed", defaultValue = "1", description = "Draws the fault schedule and operations. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--nemesis", split = ",", defaultValue = "kill,pause,partition",
      description = "Fault kinds: kill, pause, partition, delay, loss, oneway, membership, disk-full, disk-readonly"
          + " (the disk kinds need root with mount and loop devices) (or none). Default: ${DEFAULT-VALUE}.")
  List<String> nemesis;

  @Option(names = "--out", description = "Run directory. Default: tumbler-out/cluster-<seed>.")
  Path out;

  @Option(names = "--bug", split = ",", paramLabel = "NAME",
      description = "Hand known bugs to the servers, which refuse them (exit 3): deliberate bugs are simulation only.")
  List<String> bugs;

  @Option(names = "--check-time-limit", defaultValue = "120",
      description = "Seconds the linearizability check may take before its verdict is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  long checkSeconds;

  @Option(names = "--no-report", description = "Do not render report.html.")
  boolean noReport;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ClusterOptions options = options();
    PrintWriter err = spec.commandLine().getErr();
    err.println("tumbler cluster: " + options.nodes() + " nodes, seed " + options.seed() + ", commit " + Build.commit());
    err.println("  rerun: " + options.rerunCommand() + " (real processes: same faults and operations, not the same run)");
    err.flush();
    ClusterResult result;
    try {
      result = ClusterRun.run(options, err);
    } catch (ClusterStartException e) {
      if (e.refused()) {
        throw new BadInputException("the server refused to start: " + e.getMessage().strip());
      }
      throw new IOException("the cluster did not start: " + e.getMessage().strip(), e);
    }
    ClusterRunDirectory.write(result, Build.commit());
    String report = noReport ? "" : renderReport(options.out(), err);
    printSummary(spec.commandLine().getOut(), result, report);
    return result.outcome().exitCode();
  }

  private ClusterOptions options() {
    BugFlags.parse(bugs); // an unknown name is bad input here, before any process starts
    try {
      long millis = ClusterOptions.parseDurationMillis(duration);
      Path dir = OutputPaths.directory("--out", out != null ? out : Path.of("tumbler-out", "cluster-" + seed));
      return new ClusterOptions(nodes, millis, maxRequests, workload, seed, ClusterOptions.nemesisKinds(nemesis),
          clients, bugs == null ? List.of() : bugs, dir.toAbsolutePath(), Duration.ofSeconds(checkSeconds));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Renders report.html into the run directory; a report that cannot be made is a warning, never the verdict. */
  private static String renderReport(Path dir, PrintWriter err) {
    try {
      ReportOutcome outcome = Reports.write(List.of(dir), null, EnumSet.of(ReportFormat.HTML));
      if (outcome instanceof ReportOutcome.Written written) {
        return written.files().get(0).toString();
      }
      err.println("tumbler: warning: no report: " + outcome);
    } catch (IOException | RuntimeException e) {
      err.println("tumbler: warning: the report could not be written: " + e);
    }
    return "";
  }

  private static void printSummary(PrintWriter out, ClusterResult r, String report) {
    ClusterOptions o = r.options();
    out.printf("%s  real-cluster nodes=%d seed=%d%n", r.outcome(), o.nodes(), o.seed());
    for (CheckReport c : r.checks()) {
      out.printf("  %-16s %-7s %8.1f ms%s%n", c.check(), c.verdict(), c.millis(),
          c.details().isEmpty() ? "" : "  " + c.details().get(0));
    }
    out.printf("  %d history events, %d faults applied, %d retries, %d ms wall%n",
        r.history().operations().size(), r.applied().size(), r.retries(), r.wallMillis());
    out.println("  run directory: " + o.out());
    if (!report.isEmpty()) {
      out.println("  report: " + report);
    }
    out.flush();
  }
}
