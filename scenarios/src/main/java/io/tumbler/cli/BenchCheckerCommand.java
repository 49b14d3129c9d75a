package io.tumbler.cli;

import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.bench.BenchReport;
import io.tumbler.lin.bench.CheckerBench;
import io.tumbler.lin.bench.GroupTotal;
import io.tumbler.lin.bench.TargetCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumbler bench checker}: the linearizability checker over a corpus ({@link CheckerBench}), as
 * figures or one JSON object; measured, never asserted. Self-contained: it becomes {@code bench checker}
 * once listed in {@code BenchCommand}'s subcommands.
 */
@Command(name = "checker", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Checks every history of a corpus directory (warm-up passes, then the median of several checks per",
    "file) and reports per-file medians, the most configurations explored, totals per directory, and",
    "issue 4's targets: the Porcupine etcd histories in <= 300 ms summed, kv/c50-ok in <= 180 ms,",
    "a full counterexample for kv/c50-bad within a 4 GB heap (run with JAVA_OPTS=-Xmx4g)."})
final class BenchCheckerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", defaultValue = "../shared/corpus", paramLabel = "DIR",
      description = "Corpus directory. Default: ${DEFAULT-VALUE}.")
  Path corpus;

  @Option(names = "--warmup", defaultValue = "3", description = "Warm-up passes over the corpus. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--runs", defaultValue = "5", description = "Measured checks per history. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--json", description = "Print one JSON object (histories, totals, targets).")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(corpus)) {
      throw new BadInputException("no corpus directory at " + corpus);
    }
    if (warmup < 0 || runs < 1) {
      throw new BadInputException("--warmup must be at least 0 and --runs at least 1");
    }
    BenchReport report = new CheckerBench(corpus, warmup, runs, CheckerOptions.defaults()).run();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(report.toJson());
    } else {
      for (Map.Entry<String, GroupTotal> group : report.totals().entrySet()) {
        GroupTotal t = group.getValue();
        out.printf(Locale.ROOT, "%-32s %4d files  %9.1f ms summed medians  (%d valid, %d invalid, %d unknown)%n",
            group.getKey(), t.files(), t.medianMillisSum(), t.valid(), t.invalid(), t.unknown());
      }
      for (TargetCheck target : report.targets()) {
        out.printf(Locale.ROOT, "target %s: %.1f ms%s -> %s (%s)%n", target.name(), target.measuredMillis(),
            target.targetMillis() == null ? "" : " vs <= " + target.targetMillis() + " ms", target.met() ? "met" : "NOT met", target.note());
      }
    }
    out.flush();
    return ExitCode.PASS;
  }
}
