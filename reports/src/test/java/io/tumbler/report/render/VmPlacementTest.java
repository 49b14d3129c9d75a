package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.runformat.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VM placement from the last get-host / get-vm observations of a history. */
class VmPlacementTest {
  private static final ObjectMapper JSON = io.tumbler.runformat.RunFormatJson.mapper();

  private static List<HistoryEvent> history(String... lines) throws Exception {
    List<HistoryEvent> out = new ArrayList<>();
    for (String line : lines) {
      out.add(JSON.readValue(line, HistoryEvent.class));
    }
    return out;
  }

  private static final String[] LINES = {
    "{\"index\":1,\"process\":0,\"type\":\"ok\",\"f\":\"get-host\",\"value\":{\"host\":\"h10\",\"state\":\"active\","
        + "\"vcpus\":8,\"memoryMib\":8192,\"reservedVcpus\":1,\"reservedMemoryMib\":1024}}",
    "{\"index\":2,\"process\":0,\"type\":\"ok\",\"f\":\"get-host\",\"value\":{\"host\":\"h10\",\"state\":\"draining\","
        + "\"vcpus\":8,\"memoryMib\":8192,\"reservedVcpus\":6,\"reservedMemoryMib\":4096}}",
    "{\"index\":3,\"process\":1,\"type\":\"ok\",\"f\":\"get-vm\",\"value\":{\"vm\":\"v1\",\"host\":\"h2\","
        + "\"status\":\"running\",\"vcpus\":2,\"memoryMib\":1024}}",
    "{\"index\":4,\"process\":1,\"type\":\"ok\",\"f\":\"get-vm\",\"value\":{\"vm\":\"v1\",\"host\":\"h10\","
        + "\"status\":\"running\",\"vcpus\":2,\"memoryMib\":1024}}",
    "{\"index\":5,\"process\":1,\"type\":\"fail\",\"f\":\"get-vm\",\"value\":{\"vm\":\"v2\"}}",
    "{\"index\":6,\"process\":2,\"type\":\"ok\",\"f\":\"get-vm\",\"value\":{\"vm\":\"v3\",\"host\":null,"
        + "\"status\":\"failed\",\"vcpus\":4,\"memoryMib\":2048}}",
    "{\"index\":7,\"process\":2,\"type\":\"ok\",\"f\":\"get-vm\",\"value\":{\"vm\":\"v4\",\"host\":\"h2\","
        + "\"status\":\"stopped\",\"vcpus\":4,\"memoryMib\":2048}}"};

  @Test
  void theLastOkObservationOfEachHostAndVmWins() throws Exception {
    VmPlacement p = VmPlacement.of(history(LINES));
    assertEquals("draining", p.hosts().get("h10").state());
    assertEquals(6, p.hosts().get("h10").reservedVcpus());
    assertEquals("h10", p.vms().get("v1").host(), "v1 migrated: the later get-vm wins");
    assertEquals(List.of("v1", "v3", "v4"), List.copyOf(p.vms().keySet()), "a failed get-vm observes nothing");
    assertEquals(List.of("h2", "h10"), p.hostIds(), "h2 is known from a VM only; natural order");
  }

  @Test
  void theDiagramHasARowPerHostAndABlockPerPlacedVm() throws Exception {
    String svg = VmPlacementSvg.render(history(LINES));
    SvgXml xml = SvgXml.parse(svg);
    assertEquals(2, xml.count("//*[local-name()='g' and @class='host']"));
    assertEquals(1, xml.count("//*[@data-host='h10']/*[@class='vm running']"));
    assertEquals(1, xml.count("//*[@data-host='h2']/*[@class='vm stopped']"));
    assertEquals(1, xml.count("//*[@data-host='h2']/*[@class='capacity unknown']"), "h2's capacity was never read");
    assertEquals("reserved 6/8 vCPU · 4096/8192 MiB", xml.text("//*[@data-host='h10']/*[@class='usage']"));
    assertTrue(xml.text("//*[@class='unplaced']").startsWith("unplaced (failed): v3"));
  }

  @Test
  void aHistoryWithoutVmReadsHasNoPlacement() throws Exception {
    assertEquals("", VmPlacementSvg.render(history(
        "{\"index\":0,\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":[0,1]}")));
  }
}
