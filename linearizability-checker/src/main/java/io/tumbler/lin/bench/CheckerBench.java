package io.tumbler.lin.bench;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.io.LoadedHistory;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checker benchmark (a measurement, not a test): checks every history of a corpus directory with the
 * model its file implies, first {@code warmupRounds} passes over everything to warm the JIT, then {@code
 * runs} timed checks per file; reports each file's median and the most configurations explored, totals
 * per directory, and issue 4's targets against the figures. {@code tumbler bench checker --corpus DIR
 * --json} prints {@link BenchReport#toJson()}; {@link #main} does the same without the CLI.
 */
public final class CheckerBench {
  /** Files the benchmark reads; everything else in the corpus (csv, md, html) is not a history. */
  private static final List<String> EXTENSIONS = List.of(".edn", ".log", ".txt", ".jsonl");

  private final Path corpus;
  private final int warmupRounds;
  private final int runs;
  private final Checker checker;

  /**
   * @param corpus       the corpus directory ({@code ../shared/corpus})
   * @param warmupRounds passes over the corpus before measuring
   * @param runs         measured checks per history (the median is reported)
   * @param options      checker options (the default: as {@code tumbler check} runs)
   */
  public CheckerBench(Path corpus, int warmupRounds, int runs, CheckerOptions options) {
    this.corpus = corpus;
    this.warmupRounds = warmupRounds;
    this.runs = runs;
    this.checker = new Checker(options);
  }

  /** Runs the benchmark. */
  public BenchReport run() throws IOException {
    Map<String, String> skipped = new TreeMap<>();
    List<LoadedHistory> histories = load(skipped);
    for (int round = 0; round < warmupRounds; round++) {
      for (LoadedHistory history : histories) {
        checker.check(Models.named(history.model(), history.modelOptions()), history.history());
      }
    }
    List<HistoryTiming> timings = new ArrayList<>();
    Map<String, GroupTotal> totals = new TreeMap<>();
    for (LoadedHistory history : histories) {
      HistoryTiming timing = measure(history);
      timings.add(timing);
      totals.merge(timing.group(), new GroupTotal(0, 0, 0, 0, 0).plus(timing), (a, b) -> a.plus(timing));
    }
    return new BenchReport(corpus.toString(), Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), checker.options().parallelism(), warmupRounds,
        timings, totals, BenchTargets.evaluate(timings, totals), skipped);
  }

  private List<LoadedHistory> load(Map<String, String> skipped) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile)
          .filter(file -> EXTENSIONS.stream().anyMatch(file.getFileName().toString()::endsWith))
          .sorted().collect(Collectors.toList());
    }
    List<LoadedHistory> loaded = new ArrayList<>();
    for (Path file : files) {
      String name = corpus.relativize(file).toString();
      try {
        LoadedHistory history = HistoryFiles.read(file, HistoryFormat.AUTO);
        if (history.model() == null) {
          skipped.put(name, "no model: the format, header and directory name none");
        } else {
          loaded.add(history);
        }
      } catch (MalformedHistoryException e) {
        skipped.put(name, e.getMessage());
      }
    }
    return loaded;
  }

  private HistoryTiming measure(LoadedHistory history) {
    Model<?> model = Models.named(history.model(), history.modelOptions());
    double[] millis = new double[runs];
    long maxConfigurations = 0;
    String verdict = "";
    for (int run = 0; run < runs; run++) {
      long started = System.nanoTime();
      CheckResult result = checker.check(model, history.history());
      millis[run] = (System.nanoTime() - started) / 1e6;
      maxConfigurations = Math.max(maxConfigurations, result.stats().configurations());
      verdict = result.verdict().name();
    }
    Arrays.sort(millis);
    double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    String file = corpus.relativize(history.file()).toString();
    Path parent = corpus.relativize(history.file()).getParent();
    return new HistoryTiming(file, parent == null ? "." : parent.toString(), history.model(), verdict,
        Math.round(median * 1000) / 1000.0, maxConfigurations, runs);
  }

  /**
   * {@code CheckerBench --corpus DIR [--warmup N] [--runs N] [--json]}: prints the report as JSON (the
   * only output form; {@code --json} is accepted for symmetry with the CLI).
   */
  public static void main(String[] args) throws IOException {
    Path corpus = Paths.get("../shared/corpus");
    int warmup = 3;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus":
          corpus = Paths.get(args[++i]);
          break;
        case "--warmup":
          warmup = Integer.parseInt(args[++i]);
          break;
        case "--runs":
          runs = Integer.parseInt(args[++i]);
          break;
        case "--json":
          break;
        default:
          throw new IllegalArgumentException("usage: CheckerBench --corpus DIR [--warmup N] [--runs N] [--json]; got " + args[i]);
      }
    }
    System.out.println(new CheckerBench(corpus, warmup, runs, CheckerOptions.defaults()).run().toJson());
  }
}
