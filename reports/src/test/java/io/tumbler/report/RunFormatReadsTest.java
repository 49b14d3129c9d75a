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
 * {@code linearizability.json}, a campaign's
 * {@code results.jsonl} and {@code summary.json}) only through their records, never by a hand-typed
 * {@code .path("...")}: a source scan of reports' main code. The files that still read JSON trees by name read
 * formats run-format does not hold yet, each listed below with the file it reads; a new tree read of a run-format
 * file fails here (listed or not, a read of a field only run-format files have fails too).
 */
class RunFormatReadsTest {
  /** Source file (under io/tumbler/report) to the non-run-format file its {@code .path} reads read. */
  private static final Map<String, String> TREE_READERS = new TreeMap<>(Map.ofEntries(
      Map.entry("render/ConnectivitySvg.java", "journal.jsonl (node ids)"),
      Map.entry("render/SafetyHtml.java", "journal.jsonl"),
      Map.entry("render/VmPlacement.java", "history.jsonl operation values (the VM model's own JSON)"),
      Map.entry("view/LeaderTerm.java", "journal.jsonl"),
      Map.entry("view/MessageSequence.java", "journal.jsonl (the detecting event's time)"),
      Map.entry("view/NodeLogs.java", "journal.jsonl")));

  /** Fields only the run-format files have: a tree read of one is a run-format read wherever it is. */
  private static final List<String> RUN_FORMAT_ONLY = List.of("appliedFaults", "fingerprint", "faultTypes",
      "failureDir", "harnessError", "wallSeconds", "notRun", "notRunCount", "faultTypesKnown", "writeFailures",
      "spec", "violated", "faults", "bugs", "counterexamples", "partitions", "failingCall", "previousOk",
      "longestPrefixes", "finalPaths", "reachableStates", "configurations");

  private static final Pattern PATH_READ = Pattern.compile("\\.path\\(\"([^\"]*)\"\\)");

  @Test
  void noReportReadsARunFormatFileByFieldName() throws IOException {
    Path main = Path.of(System.getProperty("tumbler.root", "..")).resolve("reports/src/main/java/io/tumbler/report");
    Map<String, List<String>> reads = new TreeMap<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = PATH_READ.matcher(Files.readString(f));
        List<String> fields = m.results().map(r -> r.group(1)).toList();
        if (!fields.isEmpty()) {
          reads.put(main.relativize(f).toString().replace('\\', '/'), fields);
        }
      }
    }
    assertTrue(reads.size() > 5, "the scan found the tree readers under " + main + ": " + reads.keySet());
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
