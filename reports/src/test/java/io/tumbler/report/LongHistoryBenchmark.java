package io.tumbler.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Measures the run report of a long history (default 100,000 operations over 10 processes and 100 simulated
 * seconds, with faults and leader changes): the page's size, the time to make it, and — when Chromium is
 * installed — the time a headless browser takes to load it and run its scripts, against a 1,000-operation
 * baseline measured in the same run. Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code mvn -q -o -pl reports test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tumbler.report.LongHistoryBenchmark [-Dexec.args=100000]}.
 */
public final class LongHistoryBenchmark {
  private LongHistoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("tumbler-bench-");
    Figures base = measure(dir.resolve("small"), 1_000);
    Figures big = measure(dir.resolve("big"), ops);
    System.out.println(base.line(1_000));
    System.out.println(big.line(ops));
    System.out.printf(Locale.ROOT, "ratio %d ops / 1000 ops: page size %.1fx, make %.1fx, browser %s%n", ops,
        (double) big.bytes / base.bytes, big.makeMillis / base.makeMillis,
        base.browserMillis > 0 ? String.format(Locale.ROOT, "%.1fx", big.browserMillis / base.browserMillis) : "n/a");
  }

  record Figures(long bytes, double makeMillis, double browserMillis) {
    String line(int ops) {
      return String.format(Locale.ROOT, "%,d operations: page %,d bytes, made in %.0f ms, headless Chromium load+scripts %s",
          ops, bytes, makeMillis, browserMillis > 0 ? String.format(Locale.ROOT, "%.0f ms", browserMillis) : "n/a (no chromium)");
    }
  }

  static Figures measure(Path dir, int ops) throws Exception {
    write(dir, ops);
    Path html = dir.resolve("report.html");
    Reports.write(List.of(dir), html, EnumSet.of(ReportFormat.HTML)); // warm-up
    long t0 = System.nanoTime();
    Reports.write(List.of(dir), html, EnumSet.of(ReportFormat.HTML));
    double make = (System.nanoTime() - t0) / 1e6;
    double browser = 0;
    if (BrowserTest.chromium() != null) {
      long b0 = System.nanoTime();
      String dom = new String(BrowserTest.run(html, "--dump-dom"), StandardCharsets.UTF_8);
      browser = (System.nanoTime() - b0) / 1e6;
      if (!dom.contains("data-scripts=\"ran\"")) {
        throw new IllegalStateException("the page's scripts did not run for " + ops + " operations");
      }
    }
    return new Figures(Files.size(html), make, browser);
  }

  /** A synthetic run directory: a seeded history, a few faults and leader changes. */
  static void write(Path dir, int ops) throws IOException {
    Files.createDirectories(dir);
    long spanNanos = 100_000_000_000L;
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("history.jsonl"))) {
      for (int i = 0; i < ops; i++) {
        int process = i % 10;
        long start = (long) i * spanNanos / ops;
        long end = start + 1 + random.nextLong(10L * spanNanos / ops);
        String type = random.nextInt(20) == 0 ? "info" : random.nextInt(8) == 0 ? "fail" : "ok";
        out.write("{\"index\":" + (2 * i) + ",\"process\":" + process + ",\"type\":\"invoke\",\"f\":\"write\",\"value\":["
            + (i % 5) + "," + i + "],\"time\":" + start + "}\n");
        out.write("{\"index\":" + (2 * i + 1) + ",\"process\":" + process + ",\"type\":\"" + type
            + "\",\"f\":\"write\",\"value\":[" + (i % 5) + "," + i + "],\"time\":" + end + "}\n");
      }
    }
    Files.writeString(dir.resolve("checks.json"), "{\"version\":1,\"checks\":[{\"check\":\"raft-safety\",\"verdict\":\"PASS\","
        + "\"millis\":1.0,\"details\":[]}],\"appliedFaults\":[{\"timeNanos\":20000000000,\"fault\":\"isolate the leader\","
        + "\"applied\":\"isolate the leader (n1)\",\"effect\":\"network\",\"node\":1},{\"timeNanos\":40000000000,"
        + "\"fault\":\"heal network\",\"effect\":\"heal-network\"},{\"timeNanos\":60000000000,\"fault\":\"crash n2\","
        + "\"effect\":\"process\",\"node\":2},{\"timeNanos\":70000000000,\"fault\":\"restart n2\",\"effect\":\"restart\","
        + "\"node\":2}]}");
    Files.writeString(dir.resolve("journal.jsonl"), "{\"version\":2,\"event\":\"BecameLeader\",\"timeNanos\":100000000,"
        + "\"node\":1,\"term\":1}\n{\"version\":2,\"event\":\"BecameLeader\",\"timeNanos\":21000000000,\"node\":3,"
        + "\"term\":2}\n");
    Files.writeString(dir.resolve("run.json"), "{\"version\":1,\"scenario\":\"synthetic\",\"seed\":42,\"outcome\":\"PASS\","
        + "\"simulatedMillis\":100000,\"replay\":\"./tumbler run --scenario synthetic --seed 42\"}");
  }
}
