package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated faults become one group per kind and applied label, with their time in force counted once. */
class FaultGroupsTest {
  private static FaultWindow net(long from, long to, String label) {
    return new FaultWindow(from, to, label, FaultKind.NETWORK, "network", true);
  }

  @Test
  void aFaultAppliedManyTimesIsOneGroupAndOverlapsCountOnce() {
    List<FaultWindow> windows = List.of(net(0, 10, "isolate the leader (n1)"), net(5, 20, "isolate the leader (n1)"),
        new FaultWindow(8, 30, "crash n2", FaultKind.PROCESS, "n2", true), net(40, 50, "isolate the leader (n2)"),
        net(60, 70, "isolate the leader (n1)"));
    List<FaultGroup> groups = FaultGroups.of(windows);
    assertEquals(List.of("isolate the leader (n1)", "crash n2", "isolate the leader (n2)"),
        groups.stream().map(FaultGroup::label).toList(), "in order of first occurrence");
    assertEquals(3, groups.get(0).count());
    assertEquals(30, groups.get(0).inForceNanos(), "0..20 once, plus 60..70");
    assertFalse(groups.get(0).anyUnhealed());
    assertTrue(FaultGroups.of(List.of(new FaultWindow(1, 9, "crash n2", FaultKind.PROCESS, "n2", false))).get(0)
        .anyUnhealed());
  }
}
