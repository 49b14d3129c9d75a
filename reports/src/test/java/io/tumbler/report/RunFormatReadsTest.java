package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reports read the run-format files ({@code trace.jsonl}, {@code run.json}, {@code checks.json},
 * {@code linearizability.json}, {@code journal.jsonl}, a campaign's {@code results.jsonl} and {@code summary.json})
 * only through their records, never by a hand-typed {@code .path("...")}: a source scan of reports' main code. The
 * files that still read JSON trees by name read formats that are not run-format's, each listed below with what it
 * reads; a new tree read fails here (listed or not, a read of a field only run-format files have fails too).
 */
class RunFormatReadsTest {
  /** Source file (under io/tumbler/report) to the non-run-format file its {@code .path} reads read. */
  private static final Map<String, String> TREE_READERS = new TreeMap<>(Map.ofEntries(
      Map.entry("render/VmPlacement.java", "history.jsonl operation values (the VM model's own JSON)")));

  /** Fields only the run-format files have: a tree read of one is a run-format read wherever it is. */
  private static final List<String> RUN_FORMAT_ONLY = List.of("appliedFaults", "fingerprint", "faultTypes",
      "failureDir", "harnessError", "wallSeconds", "notRun", "notRunCount", "faultTypesKnown", "writeFailures",
      "spec", "violated", "faults", "bugs", "counterexamples", "partitions", "failingCall", "previousOk",
      "longestPrefixes", "finalPaths", "reachableStates", "configurations", "timeNanos", "fromIndex", "snapshotIndex",
      "snapshotTerm", "commitIndex", "votedFor", "term", "digest");

  private static final Pattern PATH_READ = Pattern.compile("\\.path\\(\"([^\"]*)\"\\)");

  @Test
  void noReportReadsARunFormatFileByFieldName() throws IOException {
    Path main = Path.of(System.getProperty("tumbler.root", "..")).resolve("reports/src/main/java/io/tumbler/report");
    Map<String, List<String>> reads = new TreeMap<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        scanned++;
        Matcher m = PATH_READ.matcher(Files.readString(f));
        List<String> fields = m.results().map(r -> r.group(1)).toList();
        if (!fields.isEmpty()) {
          reads.put(main.relativize(f).toString().replace('\\', '/'), fields);
        }
      }
    }
    assertTrue(scanned > 50, "the scan found reports' sources under " + main + ": " + scanned + " files");
    for (Map.Entry<String, List<String>> e : reads.entrySet()) {
      assertTrue(TREE_READERS.containsKey(e.getKey()), e.getKey() + " reads JSON by field name " + e.getValue()
          + "; run-format files are read through their records (io.tumbler.runformat)");
      for (String field : e.getValue()) {
        assertTrue(!RUN_FORMAT_ONLY.contains(field), e.getKey() + " reads run-format field \"" + field + "\"");
      }
    }
    assertEquals(TREE_READERS.keySet(), reads.keySet(), "a listed reader no longer reads trees: drop it from the list");
  }
}
