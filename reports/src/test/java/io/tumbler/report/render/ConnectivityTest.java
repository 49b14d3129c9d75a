package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cluster connectivity per fault window: the links drawn from the applied faults' data (type, schedule fields,
 * resolved nodes), never from their labels, and the diagrams drawn.
 */
class ConnectivityTest {
  private static final int[] FIVE = {1, 2, 3, 4, 5};


  private static boolean blocked(ClusterLinks s, int from, int to) {
    return s.blocked()[s.indexOf(from)][s.indexOf(to)];
  }

  @Test
  void aPartitionBlocksEveryLinkBetweenGroupsAndNoneWithin() {
    ClusterLinks s = ClusterLinks.at(10, List.of(NetFaults.partition(10, 20, List.of(List.of(1), List.of(2, 3)))), new int[] {1, 2, 3});
    assertTrue(blocked(s, 1, 2) && blocked(s, 2, 1) && blocked(s, 1, 3) && blocked(s, 3, 1));
    assertFalse(blocked(s, 2, 3) || blocked(s, 3, 2));
  }

  @Test
  void leaderTargetsAreDrawnFromTheNodesTheyResolvedTo() {
    ClusterLinks isolate = ClusterLinks.at(0, List.of(NetFaults.net(0, 5, "isolate the leader (n4)", "isolate-leader",
        4, 4)), FIVE);
    for (int other : new int[] {1, 2, 3, 5}) {
      assertTrue(blocked(isolate, 4, other) && blocked(isolate, other, 4));
    }
    assertFalse(blocked(isolate, 1, 2));
    // fault-injection resolved the minority: the leader and its ring successor, (5 - 1) / 2 = 2 nodes.
    ClusterLinks minority = ClusterLinks.at(0, List.of(NetFaults.net(0, 5, "partition the leader into the minority "
        + "(n5)", "leader-to-minority", 5, 5, 1)), FIVE);
    assertFalse(blocked(minority, 5, 1), "n5 and n1 are neighbours on the ring");
    assertTrue(blocked(minority, 5, 2) && blocked(minority, 1, 3) && blocked(minority, 4, 1));
    assertFalse(blocked(minority, 2, 3) || blocked(minority, 3, 4));
  }

  @Test
  void aMutedLeaderIsBlockedOneWayAndAClogIntoTheLeaderRingsItsPartner() {
    ClusterLinks mute = ClusterLinks.at(0, List.of(NetFaults.net(0, 5, "mute the leader (n2)", "mute-leader", 2, 2)),
        FIVE);
    for (int other : new int[] {1, 3, 4, 5}) {
      assertTrue(blocked(mute, 2, other), "n2 -> n" + other);
      assertFalse(blocked(mute, other, 2), "n" + other + " -> n2");
    }
    assertTrue(mute.unreadable().isEmpty(), mute.unreadable().toString());
    ClusterLinks held = ClusterLinks.at(0, List.of(NetFaults.net(0, 5, "partition the leader into the minority (n5)",
        "leader-to-minority", 5, 5, 1), NetFaults.net(0, 5, "clog the minority's links to the leader (n5)",
        "clog-minority-to-leader", 5, 5, 1)), FIVE);
    assertTrue(held.clogged()[held.indexOf(1)], "n1 is n5's partner: its messages to n5 are held");
    assertFalse(held.clogged()[held.indexOf(5)] || held.clogged()[held.indexOf(2)]);
  }

  @Test
  void networkFaultsStackUntilTheirHealAndOneWayBlocksHaveADirection() {
    List<FaultWindow> faults = List.of(NetFaults.net(0, 100, "one-way block 1->2", "one-way", 0, 1, 2),
        NetFaults.net(50, 100, "clog n3", "clog", 3, 3), NetFaults.down(60, 80, "crash n2", FaultKind.PROCESS, 2));
    ClusterLinks at70 = ClusterLinks.at(70, faults, new int[] {1, 2, 3});
    assertTrue(blocked(at70, 1, 2));
    assertFalse(blocked(at70, 2, 1));
    assertTrue(at70.clogged()[at70.indexOf(3)] && at70.down()[at70.indexOf(2)]);
    ClusterLinks at100 = ClusterLinks.at(100, faults, new int[] {1, 2, 3});
    assertFalse(blocked(at100, 1, 2) || at100.clogged()[2], "healed at 100");
  }

  @Test
  void aRealClustersCutIsDrawnFromTheSimulatedShapeItRecordsAndAnOlderOneIsListed() {
    ObjectNode spec = RunFormatJson.mapper().createObjectNode().put("type", "one-way").put("from", 3).put("to", 1);
    AppliedFault cut = new AppliedFault(0, "one-way block 3->1", "one-way block 3->1", "oneway", "network", 0, true, 0,
        spec, List.of(3, 1));
    ClusterLinks drawn = ClusterLinks.at(0, List.of(new FaultWindow(0, 5, cut.label(), FaultKind.NETWORK, "network",
        true, cut)), new int[] {1, 2, 3});
    assertTrue(blocked(drawn, 3, 1) && drawn.unreadable().isEmpty(), drawn.unreadable().toString());
    assertFalse(blocked(drawn, 1, 3));
    AppliedFault older = new AppliedFault(0, "one-way block 3->1", "one-way block 3->1", "oneway", "network", 0, true,
        0, null, List.of());
    ClusterLinks listed = ClusterLinks.at(0, List.of(new FaultWindow(0, 5, older.label(), FaultKind.NETWORK,
        "network", true, older)), new int[] {1, 2, 3});
    assertEquals(List.of("one-way block 3->1"), listed.unreadable(), "a version-1 real run's cut is shown as text");
  }

  @Test
  void nodesComeFromTheJournalAndTheFaultsButNotFromRatesOrDurations() {
    List<FaultWindow> faults = List.of(NetFaults.net(0, 1, "delay 100..2000us", "delay", 0),
        NetFaults.net(0, 1, "loss 0.25", "loss", 0), NetFaults.partition(0, 1, List.of(List.of(1, 4), List.of(2, 3))),
        NetFaults.down(0, 5, "pause n7 for 300ms", FaultKind.PAUSE, 7));
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 7}, ClusterLinks.nodesOf(faults, List.of(5)));
    assertArrayEquals(new int[] {1, 2, 3}, ClusterLinks.nodesOf(List.of(), List.of()));
  }

  @Test
  void theDiagramIsWellFormedWithANodePerMemberAndALinkPerPair() throws Exception {
    List<FaultWindow> faults = List.of(NetFaults.partition(0, 10, List.of(List.of(1), List.of(2, 3))),
        NetFaults.net(0, 10, "one-way block 2->3", "one-way", 0, 2, 3),
        NetFaults.down(20, 30, "crash n3", FaultKind.PROCESS, 3));
    String html = ConnectivitySvg.render(faults, List.of());
    SvgXml xml = SvgXml.parse(html);
    assertEquals(2, xml.count("//*[local-name()='figure']"),
        "a diagram per distinct shape: the partition and the one-way block start together and share one");
    assertEquals(3, xml.count("//*[local-name()='svg' and @id='cluster-0']/*[local-name()='g']"), "three nodes");
    assertEquals(2, xml.count("//*[@id='cluster-0']/*[local-name()='line' and @class='link blocked']"));
    assertEquals(1, xml.count("//*[@id='cluster-0']/*[local-name()='line' and @class='link one-way']"));
    assertEquals("n2 → n3 open, the other way blocked".replace("n2 → n3", "n3 → n2"),
        xml.text("//*[@id='cluster-0']/*[@class='link one-way']/*[local-name()='title']"));
    assertEquals(3, xml.count("//*[@id='cluster-1']/*[local-name()='line' and @class='link open']"), "healed by then");
    assertEquals(1, xml.count("//*[@id='cluster-1']/*[local-name()='g' and @class='node down']"), "n3 is down");
  }

  @Test
  void aNetworkFaultWithoutItsDataIsListedAsTextNotGuessedFromItsLabel() {
    ClusterLinks s = ClusterLinks.at(0, List.of(new FaultWindow(0, 5, "partition [[1], [2, 3]]", FaultKind.NETWORK,
        "network", true)), new int[] {1, 2, 3});
    assertEquals(List.of("partition [[1], [2, 3]]"), s.unreadable());
    assertFalse(blocked(s, 1, 2), "nothing drawn from the words");
  }

  @Test
  void noNetworkOrProcessFaultMeansNoDiagrams() {
    assertEquals("", ConnectivitySvg.render(
        List.of(new FaultWindow(5, 5, "bit flip on n1", FaultKind.DISK, "n1", true)), List.of()));
  }
}
