package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults pair with their own heals: network with "heal network", a crash with its node's restart, all with "heal all". */
class FaultWindowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachFaultClosesWithItsOwnHeal() throws Exception {
    JsonNode applied = JSON.readTree("["
        + "{\"timeNanos\":100,\"fault\":\"crash n2\",\"applied\":\"crash n2\"},"
        + "{\"timeNanos\":200,\"fault\":\"isolate the leader\",\"applied\":\"isolate the leader (n1)\"},"
        + "{\"timeNanos\":250,\"fault\":\"kill the leader\",\"applied\":\"kill the leader (no leader: nothing done)\"},"
        + "{\"timeNanos\":300,\"fault\":\"heal network\",\"applied\":\"heal network\"},"
        + "{\"timeNanos\":400,\"fault\":\"pause n3 for 1ms\",\"applied\":\"pause n3 for 1ms\"},"
        + "{\"timeNanos\":500,\"fault\":\"restart n2\",\"applied\":\"restart n2\"},"
        + "{\"timeNanos\":600,\"fault\":\"clock n1 offset 5ms drift 10ppm\",\"applied\":\"clock n1 offset 5ms drift 10ppm\"},"
        + "{\"timeNanos\":700,\"fault\":\"bit flip on n1\",\"applied\":\"bit flip on n1\"}]");
    List<FaultWindow> w = FaultWindows.of(applied, 2_000_000);
    assertEquals(List.of(
        new FaultWindow(100, 500, "crash n2", FaultKind.PROCESS, "n2", true),
        new FaultWindow(200, 300, "isolate the leader (n1)", FaultKind.NETWORK, "network", true),
        new FaultWindow(400, 1_000_400, "pause n3 for 1ms", FaultKind.PAUSE, "n3", true),
        new FaultWindow(600, 2_000_000, "clock n1 offset 5ms drift 10ppm", FaultKind.CLOCK, "clock", false),
        new FaultWindow(700, 700, "bit flip on n1", FaultKind.DISK, "n1", true)), w);
    assertFalse(w.get(3).healed(), "a clock fault lasts until heal all, which never came");
  }
}
