package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Overlapping fault windows (a crash inside a partition) shade as disjoint ascending bands. */
class FaultBandsTest {
  private static FaultWindow w(double from, double to, FaultKind kind) {
    return new FaultWindow((long) (from * 1e9), (long) (to * 1e9), "f", kind, "k", true);
  }

  @Test
  void overlappingWindowsMergeAndComeOutAscending() {
    List<double[]> bands = PlotSvg.mergedBands(List.of(
        w(2.0, 3.0, FaultKind.NETWORK), w(0.5, 1.0, FaultKind.PROCESS), w(2.5, 4.0, FaultKind.PROCESS),
        w(1.0, 1.2, FaultKind.PAUSE), w(0.1, 9.0, FaultKind.CLOCK)), 10);
    assertEquals(2, bands.size());
    assertArrayEquals(new double[] {0.5, 1.2}, bands.get(0), 1e-9);
    assertArrayEquals(new double[] {2.0, 4.0}, bands.get(1), 1e-9);
  }
}
