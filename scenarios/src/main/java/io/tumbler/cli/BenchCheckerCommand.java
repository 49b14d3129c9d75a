package io.tumbler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.bench.BenchReport;
import io.tumbler.lin.bench.CheckerBench;
import io.tumbler.lin.bench.GroupTotal;
import io.tumbler.lin.bench.SingleKeyScaling;
import io.tumbler.lin.bench.TargetCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

  @Option(names = "--single-key", description = {
      "Instead of the corpus: the single-key scaling series (generated etcd register histories, 10 clients,",
      "~1% info), each read and checked cold (fresh JVMs: the first check in-process, and the whole",
      "`tumbler check` process) and warm (this JVM, medians after warm-up), the cold/warm ratios, peak memory."})
  boolean singleKey;

  @Option(names = "--sizes", defaultValue = "1000,10000,100000", split = ",", paramLabel = "N",
      description = "Operations per history of the single-key series. Default: ${DEFAULT-VALUE}.")
  int[] sizes;

  @Option(names = "--cold-runs", defaultValue = "3", paramLabel = "N",
      description = "Fresh JVMs per size for the cold figures (medians are reported). Default: ${DEFAULT-VALUE}.")
  int coldRuns;

  @Option(names = "--export", defaultValue = "target/single-key", paramLabel = "DIR",
      description = "Where the series writes its histories (etcd log and history.jsonl). Default: ${DEFAULT-VALUE}.")
  Path export;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (singleKey) {
      return singleKeySeries();
    }
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

  private int singleKeySeries() throws IOException, InterruptedException {
    if (warmup < 0 || runs < 1 || coldRuns < 1 || Arrays.stream(sizes).anyMatch(size -> size < 1)) {
      throw new BadInputException("--warmup must be at least 0, --runs and --cold-runs at least 1 and every --sizes value"
          + " at least 1");
    }
    List<SingleKeyScaling.Point> points = SingleKeyScaling.run(sizes, warmup, runs, coldRuns, export);
    double[] cliMillis = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      cliMillis[i] = ColdCliCheck.medianMillis(Path.of(points.get(i).file()), coldRuns);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode o = mapper.createObjectNode();
      o.put("benchmark", "checker.single-key");
      o.put("clients", SingleKeyScaling.CLIENTS);
      o.put("seed", SingleKeyScaling.SEED);
      o.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
      o.put("coldRuns", coldRuns);
      ArrayNode series = o.putArray("series");
      for (int i = 0; i < points.size(); i++) {
        ObjectNode point = mapper.valueToTree(points.get(i));
        point.put("coldFirstMillis", points.get(i).coldFirstMillis());
        point.put("warmFirstMillis", points.get(i).warmFirstMillis());
        point.put("coldRatio", points.get(i).coldRatio());
        point.put("cliProcessMillis", cliMillis[i]);
        point.put("cliProcessRatio", Math.round(cliMillis[i] / points.get(i).warmFirstMillis() * 10) / 10.0);
        series.add(point);
      }
      out.println(o.toString());
    } else {
      printSeries(out, points, cliMillis);
    }
    out.flush();
    return ExitCode.PASS;
  }

  private void printSeries(PrintWriter out, List<SingleKeyScaling.Point> points, double[] cliMillis) {
    out.printf(Locale.ROOT, "%9s %-8s %14s %17s %17s %7s %15s %7s %9s %10s%n", "ops", "verdict", "configurations",
        "cold first check", "warm first check", "ratio", "tumbler check", "ratio", "cold RSS", "warm heap");
    for (int i = 0; i < points.size(); i++) {
      SingleKeyScaling.Point p = points.get(i);
      out.printf(Locale.ROOT, "%9d %-8s %14d %14.1f ms %14.1f ms %6.1fx %12.1f ms %6.1fx %5d MiB %6d MiB%n", p.operations(),
          p.verdict(), p.configurations(), p.coldFirstMillis(), p.warmFirstMillis(), p.coldRatio(), cliMillis[i],
          cliMillis[i] / p.warmFirstMillis(), p.coldPeakRssMiB(), p.warmPeakHeapMiB());
    }
    out.printf(Locale.ROOT, "%9s %12s %12s %17s %12s %12s%n", "ops", "cold read", "cold check", "cold JVM process",
        "warm read", "warm check");
    for (SingleKeyScaling.Point p : points) {
      out.printf(Locale.ROOT, "%9d %9.1f ms %9.1f ms %14.1f ms %9.1f ms %9.1f ms%n", p.operations(), p.coldReadMillis(),
          p.coldCheckMillis(), p.coldProcessMillis(), p.warmReadMillis(), p.warmMedianMillis());
    }
    out.printf(Locale.ROOT, "first check = read the file + check it; cold = median of %d fresh JVMs (this one's flags),"
        + " warm = medians of %d in this JVM after %d warm-ups;%n", coldRuns, runs, warmup);
    out.printf("tumbler check = spawn to exit of the whole `tumbler check FILE` JVM (startup, picocli, reading,"
        + " checking, output); ratios are over warm first check%n");
    out.printf("histories (etcd log, history.jsonl) in %s%n", export);
  }
}
