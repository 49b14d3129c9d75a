package io.tumbler.lin.bench;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.history.History;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.io.LoadedHistory;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.lin.model.EtcdCasRegisterModel;
import io.tumbler.lin.model.Models;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The single-key scaling series of {@code tumbler bench checker --single-key}: for each size, a
 * {@link SingleKeyHistories} history (seed 42, 10 clients) written as a Porcupine etcd log, then
 * <ul>
 *   <li><b>cold</b>: {@code coldRuns} fresh JVMs (this one's flags and class path, so an AppCDS archive
 *       applies too) each read and check the file once; reported are medians of the reading and the check
 *       they timed themselves (the <em>first check</em> is the two together), of their wall time from spawn
 *       to exit, and their peak RSS;</li>
 *   <li><b>warm</b>: this JVM reads and checks the history {@code warmups} times, then the medians of
 *       {@code runs} readings and checks, with the heap's peak during one measured check.</li>
 * </ul>
 * Cold and warm time the same work (read the file, check it), so {@link Point#coldRatio()} says how much a
 * one-off check pays for a fresh JVM beyond its startup. Measured, never asserted. The files stay in the
 * export directory for other checkers (Porcupine).
 */
public final class SingleKeyScaling {
  /** Generator seed and client count of the series (fixed, so the figures compare across builds). */
  public static final long SEED = 42;
  public static final int CLIENTS = 10;

  /**
   * One size's figures (cold ones are medians over the fresh JVMs).
   *
   * @param file                the exported etcd log
   * @param coldReadMillis      reading the file in a fresh JVM (parse, history built)
   * @param coldCheckMillis     the check's own time in the fresh JVM (reading excluded)
   * @param coldProcessMillis   spawn to exit of the fresh JVM (startup, reading, checking)
   * @param coldPeakRssMiB      the fresh JVM's peak resident set (VmHWM), -1 where unknown
   * @param warmReadMillis      median reading time in this JVM after warm-up
   * @param warmMedianMillis    median check time in this JVM after warm-up
   * @param warmPeakHeapMiB     the heap's peak during a warm check (all heap pools, summed)
   * @param invalidVerdict      the verdict on the corrupted history
   * @param invalidMillis       reading and checking the corrupted history once, after the warm runs
   */
  public record Point(int operations, String file, String verdict, long configurations, double coldReadMillis,
      double coldCheckMillis, double coldProcessMillis, long coldPeakRssMiB, double warmReadMillis,
      double warmMedianMillis, long warmPeakHeapMiB, String invalidVerdict, double invalidMillis) {
    /** The first check in a fresh JVM (reading and checking), in ms. */
    public double coldFirstMillis() {
      return round(coldReadMillis + coldCheckMillis);
    }

    /** The same work warm (median reading plus median check), in ms. */
    public double warmFirstMillis() {
      return round(warmReadMillis + warmMedianMillis);
    }

    /** Cold first check over warm: what a fresh JVM costs the check itself (startup excluded). */
    public double coldRatio() {
      return round(coldFirstMillis() / warmFirstMillis());
    }
  }

  private SingleKeyScaling() {}

  /** Runs the series over {@code sizes}, writing the histories to {@code exportDir}. */
  public static List<Point> run(int[] sizes, int warmups, int runs, int coldRuns, Path exportDir)
      throws IOException, InterruptedException {
    Files.createDirectories(exportDir);
    List<Point> points = new ArrayList<>();
    Checker checker = new Checker(CheckerOptions.defaults());
    for (int size : sizes) {
      Path log = export(size, exportDir);
      double[][] cold = new double[4][coldRuns];
      String[] verdict = new String[2];
      for (int i = 0; i < coldRuns; i++) {
        double[] one = cold(log, verdict);
        for (int f = 0; f < one.length; f++) {
          cold[f][i] = one[f];
        }
      }
      double[] warm = warm(checker, log, warmups, runs);
      long invalidStarted = System.nanoTime();
      CheckResult invalid = checker.check(new EtcdCasRegisterModel(),
          HistoryFiles.read(exportDir.resolve("single-key-" + size + "-corrupt.log"), HistoryFormat.AUTO).history());
      double invalidMillis = round((System.nanoTime() - invalidStarted) / 1e6);
      points.add(new Point(size, log.toString(), verdict[0], Long.parseLong(verdict[1]), median(cold[0]),
          median(cold[1]), median(cold[2]), (long) median(cold[3]), warm[0], warm[1], (long) warm[2],
          invalid.verdict().toString(), invalidMillis));
    }
    return points;
  }

  /**
   * Writes the series' history of {@code size} operations as an etcd log and a history.jsonl, and its
   * corrupted twin as an etcd log; the first log's path.
   */
  private static Path export(int size, Path exportDir) throws IOException {
    History history = SingleKeyHistories.generate(size, CLIENTS, SEED);
    Path log = exportDir.resolve("single-key-" + size + ".log");
    try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      SingleKeyHistories.writeEtcdLog(history, out);
    }
    try (Writer out = Files.newBufferedWriter(exportDir.resolve("single-key-" + size + "-corrupt.log"), StandardCharsets.UTF_8)) {
      SingleKeyHistories.writeEtcdLog(SingleKeyHistories.corruptRead(history), out);
    }
    try (Writer out = Files.newBufferedWriter(exportDir.resolve("single-key-" + size + ".jsonl"), StandardCharsets.UTF_8)) {
      JsonlHistoryWriter.write(history, JsonlHeader.forModel("etcd-cas-register"), out);
    }
    return log;
  }

  /**
   * {read ms, check ms, process ms, peak RSS MiB} from a fresh JVM reading and checking {@code log}; its
   * verdict and configurations go to {@code verdict}.
   */
  private static double[] cold(Path log, String[] verdict) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdCheck.class.getName(), log.toString()));
    long started = System.nanoTime();
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = "";
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        last = line;
      }
    }
    int exit = child.waitFor();
    double processMillis = (System.nanoTime() - started) / 1e6;
    String[] fields = last.split(" ");
    if (exit != 0 || fields.length != 5) {
      throw new IOException("the cold check of " + log + " failed (exit " + exit + "): " + last);
    }
    verdict[0] = fields[0];
    verdict[1] = fields[1];
    return new double[] {Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), processMillis,
        Double.parseDouble(fields[4])};
  }

  /** {median read ms, median check ms, peak heap MiB} of warm readings and checks of {@code log}. */
  private static double[] warm(Checker checker, Path log, int warmups, int runs) throws IOException {
    EtcdCasRegisterModel model = new EtcdCasRegisterModel();
    for (int i = 0; i < warmups; i++) {
      checker.check(model, HistoryFiles.read(log, HistoryFormat.AUTO).history());
    }
    double[] readMillis = new double[runs];
    double[] millis = new double[runs];
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      System.gc();
      long readStarted = System.nanoTime();
      History history = HistoryFiles.read(log, HistoryFormat.AUTO).history();
      readMillis[i] = (System.nanoTime() - readStarted) / 1e6;
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long started = System.nanoTime();
      checker.check(model, history);
      millis[i] = (System.nanoTime() - started) / 1e6;
      peak = Math.max(peak, heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
    }
    return new double[] {median(readMillis), median(millis), peak >> 20};
  }

  /** The median of {@code values} (sorted in place), to 0.1. */
  public static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return round(n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  /**
   * The cold child: reads and checks one file with the model it implies, and prints {@code verdict
   * configurations readMillis checkMillis peakRssMiB} as its last line.
   */
  public static final class ColdCheck {
    private ColdCheck() {}

    public static void main(String[] args) throws IOException {
      long started = System.nanoTime();
      LoadedHistory loaded = HistoryFiles.read(Paths.get(args[0]), HistoryFormat.AUTO);
      double readMillis = (System.nanoTime() - started) / 1e6;
      CheckResult result = Checker.withDefaults().check(Models.named(loaded.model(), loaded.modelOptions()), loaded.history());
      System.out.println(result.verdict() + " " + result.stats().configurations() + " " + round(readMillis) + " "
          + round(result.stats().elapsedMillis()) + " " + peakRssMiB());
    }

    private static long peakRssMiB() {
      try {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
          }
        }
      } catch (IOException | RuntimeException e) {
        return -1;
      }
      return -1;
    }
  }

  /**
   * Writes the series' history of {@code args[0]} operations as a Porcupine etcd log to {@code args[1]}: the
   * {@code tumbler} script's class-data-sharing training run checks it, so the archive holds the classes a
   * real check of a long single-key history loads, not only those of a toy one.
   */
  public static final class ExportLog {
    private ExportLog() {}

    public static void main(String[] args) throws IOException {
      History history = SingleKeyHistories.generate(Integer.parseInt(args[0]), CLIENTS, SEED);
      try (Writer out = Files.newBufferedWriter(Paths.get(args[1]), StandardCharsets.UTF_8)) {
        SingleKeyHistories.writeEtcdLog(history, out);
      }
    }
  }
}
