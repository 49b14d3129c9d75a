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
import java.util.ArrayList;
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
      "~1%% info), each read and checked cold (fresh JVMs: the first check in-process, and the whole",
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
    List<ColdCliCheck> cli = new ArrayList<>();
    for (SingleKeyScaling.Point point : points) {
      cli.add(ColdCliCheck.measure(Path.of(point.file()), coldRuns));
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
        double warmFirst = points.get(i).warmFirstMillis();
        point.put("cliLauncher", cli.get(i).launcher());
        point.put("cliProcessMillis", cli.get(i).processMillis());
        point.put("cliReadMillis", cli.get(i).readMillis());
        point.put("cliSearchMillis", cli.get(i).searchMillis());
        point.put("cliFirstCheckMillis", cli.get(i).firstCheckMillis());
        point.put("cliFirstCheckRatio", Math.round(cli.get(i).firstCheckMillis() / warmFirst * 10) / 10.0);
        point.put("cliProcessRatio", Math.round(cli.get(i).processMillis() / warmFirst * 10) / 10.0);
        series.add(point);
      }
      out.println(o.toString());
    } else {
      printSeries(out, points, cli);
    }
    out.flush();
    return ExitCode.PASS;
  }

  private void printSeries(PrintWriter out, List<SingleKeyScaling.Point> points, List<ColdCliCheck> cli) {
    out.printf(Locale.ROOT, "%9s %-8s %14s %13s %13s %13s %7s %13s %7s %9s %10s%n", "ops", "verdict", "configurations",
        "warm first", "bare JVM", "tumbler check", "ratio", "whole process", "ratio", "cold RSS", "warm heap");
    for (int i = 0; i < points.size(); i++) {
      SingleKeyScaling.Point p = points.get(i);
      ColdCliCheck c = cli.get(i);
      out.printf(Locale.ROOT, "%9d %-8s %14d %10.1f ms %10.1f ms %10.1f ms %6.1fx %10.1f ms %6.1fx %5d MiB %6d MiB%n",
          p.operations(), p.verdict(), p.configurations(), p.warmFirstMillis(), p.coldFirstMillis(), c.firstCheckMillis(),
          c.firstCheckMillis() / p.warmFirstMillis(), c.processMillis(), c.processMillis() / p.warmFirstMillis(),
          p.coldPeakRssMiB(), p.warmPeakHeapMiB());
    }
    out.printf(Locale.ROOT, "%9s %-29s %-29s %-29s %s%n", "ops", "read + search, warm", "bare JVM (process)",
        "tumbler check", "");
    for (int i = 0; i < points.size(); i++) {
      SingleKeyScaling.Point p = points.get(i);
      ColdCliCheck c = cli.get(i);
      out.printf(Locale.ROOT, "%9d %8.1f + %8.1f ms %8.1f + %8.1f (%8.1f) %8.1f + %8.1f ms%n", p.operations(),
          p.warmReadMillis(), p.warmMedianMillis(), p.coldReadMillis(), p.coldCheckMillis(), p.coldProcessMillis(),
          c.readMillis(), c.searchMillis());
    }
    for (SingleKeyScaling.Point p : points) {
      out.printf(Locale.ROOT, "%9d one corrupted read (single-key-%d-corrupt.log): %s in %.1f ms (warm, read + check)%n",
          p.operations(), p.operations(), p.invalidVerdict(), p.invalidMillis());
    }
    out.printf(Locale.ROOT, "first check = read the file + check it, timed inside the process. warm: medians of %d in this"
        + " JVM after %d warm-ups.%n", runs, warmup);
    out.printf(Locale.ROOT, "cold, medians of %d fresh processes each: bare JVM = a minimal main with this JVM's flags;"
        + " tumbler check = `%s check --json FILE`,%n", coldRuns, cli.isEmpty() ? "java" : cli.get(0).launcher());
    out.printf("its first check and its whole process (spawn to exit). Ratios are over warm first check.%n");
    out.printf("histories (etcd log, history.jsonl) in %s%n", export);
  }
}
