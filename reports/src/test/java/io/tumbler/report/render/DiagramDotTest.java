package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.Golden;
import io.tumbler.report.input.RunFiles;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.MessageSequence;
import io.tumbler.report.view.RunView;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The DOT text of the three diagrams, pinned by golden files in src/test/resources/golden (*.dot) and checked
 * for structure: which nodes and edges exist, with which classes and labels. Pure text; no engine needed.
 */
class DiagramDotTest {
  static RunView staleRun() throws Exception {
    return RunView.of(RunFiles.read(Path.of(DiagramDotTest.class.getResource("/fixtures/stale-run").toURI())));
  }

  static RunView staleRunUnchecked() {
    try {
      return staleRun();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void connectivityPinsNodesOnACircleAndClassesEachLink() throws Exception {
    List<FaultWindow> faults = List.of(NetFaults.partition(0, 10, List.of(List.of(1), List.of(2, 3))),
        NetFaults.net(0, 10, "one-way block 2->3", "one-way", 0, 2, 3),
        NetFaults.down(5, 8, "crash n3", FaultKind.PROCESS, 3));
    String dot = ConnectivityDot.dot(ClusterLinks.at(5, faults, new int[] {1, 2, 3}), "crash n3");
    Golden.check("connectivity.dot", dot);
    assertEquals(3, count(dot, "pos=\"[-\\d.]+,[-\\d.]+!\""), "every node pinned");
    assertTrue(dot.contains("n1 [class=\"node up\"") && dot.contains("n3 [class=\"node down\""));
    assertEquals(2, count(dot, "class=\"link blocked\""), "n1 is cut off from n2 and n3");
    assertTrue(dot.contains("n3 -> n2 [class=\"link one-way\""), "only n3 -> n2 still flows");
  }

  @Test
  void theSequenceOfTheStaleReadHasALanePerNodeAndTheClientAndCrossesForDrops() throws Exception {
    MessageSequence seq = MessageSequence.of(staleRun());
    assertEquals("", seq.note());
    assertEquals(List.of("n1", "n2", "n3", "c2 (client, process 2)"), seq.lanes());
    String dot = SequenceDot.dot(seq);
    Golden.check("sequence-stale-run.dot", dot);
    assertEquals(4, count(dot, "shape=box"), "a header per lane");
    assertEquals(seq.messages().size(), count(dot, " -> [rd]\\d+ "), "an edge per message");
    assertEquals(4, count(dot, "label=\"✕\""), "four messages were dropped in the window");
    assertTrue(dot.contains("label=\"Request #1 read_local\""));
    assertTrue(dot.contains("label=\"Reply #1 OK\""));
    assertTrue(dot.contains("label=\"Heartbeat t1 c2 → n2\""), "the stale leader's heartbeats are lost");
    assertTrue(dot.contains("label=\"AppendEntries t2 empty c4 → n1\""), "the new leader cannot reach n1");
  }

  @Test
  void theStatePathEndsInTheIllegalReadInRed() throws Exception {
    String dot = StatePathDot.dot(staleRun().counterexamples().get(0));
    Golden.check("states-stale-run.dot", dot);
    assertTrue(dot.contains("p0s0 [label=\"… 1 earlier operation\""), "the prefix before its last call");
    assertTrue(dot.contains("p0s1 [label=\"{0=2}\"]"), "the prefix's last call leaves {0=2}");
    assertTrue(dot.contains("p0s0 -> p0s1 [label=\"process 1: write 2 to key 0\\n(ok, #2)\"]"));
    assertTrue(dot.contains("p0s2 [label=\"✗ cannot apply process 2: read [0, null]\\n-> ok [0, 1] to {0=2}\", fillcolor=\"#ffe3e0\""));
    assertEquals(1, count(dot, "subgraph cluster_"), "one final path");
  }

  @Test
  void dotStringsEscapeQuotesBackslashesAndLineBreaks() {
    assertEquals("\"a \\\"b\\\" c\\\\d\\ne\"", DotText.q("a \"b\" c\\d\ne"));
    assertEquals("process 1: write\n2 to key 0", StatePathDot.wrap("process 1: write 2 to key 0", 16));
  }
}
