package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.view.FaultGroups;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Four hundred isolations of five leaders make five connectivity diagrams and five fault rows, not four
 * hundred: the figure-8-hunt page's shape in miniature.
 */
class TopologiesTest {
  private static List<FaultWindow> isolations(int times) {
    List<FaultWindow> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long t = i * 1_000_000L;
      int leader = 1 + i % 5;
      out.add(NetFaults.net(t, t + 500_000, "isolate the leader (n" + leader + ")", "isolate-leader", leader, leader));
    }
    return out;
  }

  @Test
  void repeatedShapesShareOneDiagramListingTheirWindows() throws Exception {
    List<FaultWindow> faults = isolations(400);
    List<Topologies> shapes = Topologies.of(faults, new int[] {1, 2, 3, 4, 5});
    assertEquals(5, shapes.size(), "one shape per isolated leader");
    assertEquals(80, shapes.get(0).windows().size());
    assertTrue(shapes.get(0).caption().contains("held 80 times: 0.000–0.001 s, 0.005–0.006 s"), shapes.get(0).caption());
    assertTrue(shapes.get(0).caption().contains(" and 74 more"));
    String html = ConnectivitySvg.render(faults, List.of());
    assertEquals(5, SvgXml.parse(html).count("//*[local-name()='figure']"));
  }

  @Test
  void theFaultTableHasARowPerFaultAndATickPerOccurrence() throws Exception {
    String table = FaultTable.render(FaultGroups.of(isolations(400)), 400_000_000L);
    SvgXml xml = SvgXml.parse(table);
    assertEquals(5, xml.count("//*[local-name()='tr' and @class='fault-group']"));
    assertEquals("80", xml.text("//*[local-name()='tr' and @class='fault-group'][1]/@data-count"));
    assertEquals(80, xml.count("//*[local-name()='tr'][@class='fault-group'][1]//*[local-name()='svg']"
        + "/*[local-name()='g']/*[local-name()='rect']"), "a tick per occurrence");
    assertTrue(table.length() < 60_000, "400 faults stay a small table: " + table.length());
  }
}
