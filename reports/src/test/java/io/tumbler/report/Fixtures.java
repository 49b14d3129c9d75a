package io.tumbler.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The hand-written run directories under src/test/resources/fixtures, and a campaign built from them. */
final class Fixtures {
  private Fixtures() {}

  /** A run directory: "stale-run" (a linearizability violation) or "safety-run" (a Log Matching violation). */
  static Path run(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Two campaign shards under {@code parent}: "campaign-a" (stale-local-reads, one violation whose run directory
   * is kept, a line cut short by a kill, coverage counters on two lines: torn-writes never reached) and
   * "campaign-b" (minority-partition with a bug flag, one violation whose
   * run directory is gone, and no summary.json).
   */
  static Path campaign(Path parent) throws IOException {
    Path a = parent.resolve("campaign-a");
    Files.createDirectories(a.resolve("failures/seed-3"));
    copyDir(run("stale-run"), a.resolve("failures/seed-3"));
    Files.writeString(a.resolve("results.jsonl"), String.join("\n",
        line("stale-local-reads", 1, "[]", "PASS", "[]", "aaaa000000000001", 900,
            coverage(4, 0, 120)),
        line("stale-local-reads", 3, "[]", "VIOLATION", "[\"linearizability\"]", "00c0ffee00c0ffee", 1200,
            ",\"failureDir\":\"/nowhere/campaign-a/failures/seed-3\"" + coverage(2, 0, 0)),
        line("stale-local-reads", 2, "[]", "PASS", "[]", "aaaa000000000002", 800, ""),
        "{\"scenario\":\"stale-local-reads\",\"seed\":4,\"bu") + "\n", StandardCharsets.UTF_8);
    Files.writeString(a.resolve("summary.json"), "{\"scenario\":\"stale-local-reads\",\"runs\":3,\"wallSeconds\":2.0}\n");
    Path b = parent.resolve("campaign-b");
    Files.createDirectories(b);
    Files.writeString(b.resolve("results.jsonl"), String.join("\n",
        line("minority-partition", 5, "[\"skip-prev-log-check\"]", "VIOLATION", "[\"raft-safety\"]", "bbbb000000000005",
            300, ",\"failureDir\":\"/nowhere/campaign-b/failures/seed-5\""),
        line("minority-partition", 6, "[\"skip-prev-log-check\"]", "LIVENESS", "[\"liveness\"]", "bbbb000000000006",
            400, ""),
        line("stale-local-reads", 3, "[]", "VIOLATION", "[\"linearizability\"]", "00c0ffee00c0ffee", 1200, "")) + "\n");
    return parent;
  }

  /** A results line's coverage object (campaign-a's seeds 1 and 3 have one; the rest predate counters). */
  private static String coverage(long leadersElected, long tornWrites, long localReads) {
    return ",\"coverage\":{\"leaders-elected\":" + leadersElected + ",\"reads-served-local\":" + localReads
        + ",\"torn-writes\":" + tornWrites + "}";
  }

  private static String line(String scenario, long seed, String bugs, String outcome, String violated,
      String fingerprint, long wallMillis, String extra) {
    String flags = bugs.equals("[]") ? "" : " --bug skip-prev-log-check";
    return "{\"scenario\":\"" + scenario + "\",\"seed\":" + seed + ",\"bugs\":" + bugs + ",\"commit\":\"0123456789ab\","
        + "\"fingerprint\":\"" + fingerprint + "\",\"outcome\":\"" + outcome + "\",\"violated\":" + violated
        + ",\"model\":\"kv\",\"events\":1000,\"simulatedMillis\":150,\"wallMillis\":" + wallMillis
        + ",\"operations\":11,\"faults\":3,\"replay\":\"./tumbler run --scenario " + scenario + " --seed " + seed + flags
        + "\",\"notes\":[]" + extra + "}";
  }

  static void copyDir(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }
}
