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
 *   <li><b>cold</b>: a fresh JVM (this one's flags and class path, so an AppCDS archive applies too) reads
 *       and checks the file once; reported are the check time it measured, the child's wall time from
 *       spawn to exit, and its peak RSS;</li>
 *   <li><b>warm</b>: this JVM checks the history {@code warmups} times, then the median of {@code runs},
 *       with the heap's peak during one measured check.</li>
 * </ul>
 * Measured, never asserted. The files stay in the export directory for other checkers (Porcupine).
 */
public final class SingleKeyScaling {
  /** Generator seed and client count of the series (fixed, so the figures compare across builds). */
  public static final long SEED = 42;
  public static final int CLIENTS = 10;

  /**
   * One size's figures.
   *
   * @param file                the exported etcd log
   * @param coldCheckMillis     the check's own time in the fresh JVM (reading excluded)
   * @param coldProcessMillis   spawn to exit of the fresh JVM (startup, reading, checking)
   * @param coldPeakRssMiB      the fresh JVM's peak resident set (VmHWM), -1 where unknown
   * @param warmMedianMillis    median check time in this JVM after warm-up
   * @param warmPeakHeapMiB     the heap's peak during a warm check (all heap pools, summed)
   */
  public record Point(int operations, String file, String verdict, long configurations, double coldCheckMillis,
      double coldProcessMillis, long coldPeakRssMiB, double warmMedianMillis, long warmPeakHeapMiB) {}

  private SingleKeyScaling() {}

  /** Runs the series over {@code sizes}, writing the histories to {@code exportDir}. */
  public static List<Point> run(int[] sizes, int warmups, int runs, Path exportDir) throws IOException, InterruptedException {
    Files.createDirectories(exportDir);
    List<Point> points = new ArrayList<>();
    Checker checker = new Checker(CheckerOptions.defaults());
    for (int size : sizes) {
      History history = SingleKeyHistories.generate(size, CLIENTS, SEED);
      Path log = exportDir.resolve("single-key-" + size + ".log");
      try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        SingleKeyHistories.writeEtcdLog(history, out);
      }
      try (Writer out = Files.newBufferedWriter(exportDir.resolve("single-key-" + size + ".jsonl"), StandardCharsets.UTF_8)) {
        JsonlHistoryWriter.write(history, JsonlHeader.forModel("etcd-cas-register"), out);
      }
      String[] cold = cold(log);
      double[] warm = warm(checker, HistoryFiles.read(log, HistoryFormat.AUTO).history(), warmups, runs);
      points.add(new Point(size, log.toString(), cold[0], Long.parseLong(cold[1]), Double.parseDouble(cold[2]),
          Double.parseDouble(cold[4]), Long.parseLong(cold[3]), warm[0], (long) warm[1]));
    }
    return points;
  }

  /** verdict, configurations, check ms, peak RSS MiB, process ms: from a fresh JVM checking {@code log}. */
  private static String[] cold(Path log) throws IOException, InterruptedException {
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
    if (exit != 0 || fields.length != 4) {
      throw new IOException("the cold check of " + log + " failed (exit " + exit + "): " + last);
    }
    return new String[] {fields[0], fields[1], fields[2], fields[3], String.valueOf(processMillis)};
  }

  /** {median ms, peak heap MiB} of warm checks. */
  private static double[] warm(Checker checker, History history, int warmups, int runs) {
    EtcdCasRegisterModel model = new EtcdCasRegisterModel();
    for (int i = 0; i < warmups; i++) {
      checker.check(model, history);
    }
    double[] millis = new double[runs];
    long peak = 0;
    for (int i = 0; i < runs; i++) {
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long started = System.nanoTime();
      checker.check(model, history);
      millis[i] = (System.nanoTime() - started) / 1e6;
      peak = Math.max(peak, heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
    }
    Arrays.sort(millis);
    double median = runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    return new double[] {Math.round(median * 10) / 10.0, peak >> 20};
  }

  /**
   * The cold child: reads and checks one file with the model it implies, and prints {@code verdict
   * configurations checkMillis peakRssMiB} as its last line.
   */
  public static final class ColdCheck {
    private ColdCheck() {}

    public static void main(String[] args) throws IOException {
      LoadedHistory loaded = HistoryFiles.read(Paths.get(args[0]), HistoryFormat.AUTO);
      CheckResult result = Checker.withDefaults().check(Models.named(loaded.model(), loaded.modelOptions()), loaded.history());
      System.out.println(result.verdict() + " " + result.stats().configurations() + " "
          + Math.round(result.stats().elapsedMillis() * 10) / 10.0 + " " + peakRssMiB());
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
