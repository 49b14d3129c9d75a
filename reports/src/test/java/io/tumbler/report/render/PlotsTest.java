package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency and throughput plots: well-formed inline SVG, deterministic, shaded, and small for long runs. */
class PlotsTest {
  private static final List<FaultWindow> FAULTS = List.of(
      new FaultWindow(200_000_000L, 500_000_000L, "partition [[1], [2, 3]]", FaultKind.NETWORK, "network", true));

  static HistoryOp op(long i, String f, long invokeMillis, long latencyMillis, OpOutcome outcome) {
    return new HistoryOp(2 * i, 2 * i + 1, Long.toString(i % 5), f, JsonNodeFactory.instance.nullNode(),
        invokeMillis * 1_000_000, (invokeMillis + latencyMillis) * 1_000_000, outcome, "");
  }

  static List<HistoryOp> ops(int n) {
    List<HistoryOp> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(op(i, i % 3 == 0 ? "write" : "read", i * 1000L / Math.max(1, n / 1000), 1 + i % 17,
          i % 11 == 0 ? OpOutcome.FAIL : OpOutcome.OK));
    }
    return out;
  }

  @Test
  void latencyPlotIsWellFormedInlineSvgWithASeriesPerOperationTypeAndTheFaultsShaded() throws Exception {
    String svg = LatencyPlot.render(ops(40), FAULTS, 1_000_000_000L);
    SvgXml xml = SvgXml.parse(svg);
    assertEquals(1, xml.count("/root/*[local-name()='svg' and @id='latency-plot' and @class='plot']"));
    assertTrue(xml.text("/root/*/*[local-name()='title']").startsWith("Latency"), "the plot says what it is");
    assertFalse(svg.contains("<?xml") || svg.contains("<!DOCTYPE"), "no prolog inside an HTML page");
    assertFalse(svg.matches("(?s).*[\"#]clip\\d.*"), "XChart's hash-code clip ids are renamed");
    assertTrue(svg.contains("latency-plot-clip0"), "renamed after the plot's id");
    assertTrue(svg.contains("rgb(79,95,196)"), "the network fault band is drawn in FaultPalette's network colour");
  }

  @Test
  void latencyQuantilesAreNearestRankPerBinAndSkipEmptyBins() {
    List<double[]> points = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      points.add(new double[] {0.1, i});
    }
    points.add(new double[] {0.9, 7});
    LatencyQuantiles q = LatencyQuantiles.of(points, 1.0, 4);
    assertArrayEquals(new double[] {0.125, 0.875}, q.binMidSeconds(), 1e-9, "bins 1 and 2 are empty and left out");
    assertArrayEquals(new double[] {50, 95, 99, 100}, new double[] {q.quantiles()[0][0], q.quantiles()[1][0],
        q.quantiles()[2][0], q.quantiles()[3][0]});
    assertEquals(7, q.quantiles()[3][1], "a bin of one completion has every quantile equal to it");
  }

  @Test
  void latencyPlotDrawsQuantileLinesForOkAndMarkersForFailAndInfo() {
    List<HistoryOp> ops = new ArrayList<>(ops(60));
    ops.add(op(1000, "read", 500, 300, OpOutcome.INFO));
    java.util.Set<String> series = LatencyPlot.chart(ops, FAULTS, 1_000_000_000L).getSeriesMap().keySet();
    for (String name : List.of("network faults", "read ok p50 (bold) … max (faint) · 36 ops", "read ok p95", "read ok p99", "read ok max",
        "write ok p50 (bold) … max (faint) · 18 ops", "read fail · 4 ops", "write fail · 2 ops", "read info · 1 ops")) {
      assertTrue(series.contains(name), "a series named " + name + " in " + series);
    }
  }

  @Test
  void plotsAreAPureFunctionOfTheirInput() {
    assertEquals(LatencyPlot.render(ops(300), FAULTS, 1_000_000_000L), LatencyPlot.render(ops(300), FAULTS,
        1_000_000_000L));
    assertEquals(ThroughputPlot.render(ops(300), FAULTS, 1_000_000_000L), ThroughputPlot.render(ops(300), FAULTS,
        1_000_000_000L));
  }

  @Test
  void throughputPlotIsWellFormedAndNamesItsBins() throws Exception {
    String svg = ThroughputPlot.render(ops(40), FAULTS, 1_000_000_000L);
    SvgXml xml = SvgXml.parse(svg);
    assertEquals(1, xml.count("/root/*[local-name()='svg' and @id='throughput-plot']"));
    assertTrue(xml.text("/root/*/*[local-name()='title']").contains("per 100 ms"));
  }

  @Test
  void nothingCompletedMeansNoPlotRatherThanAnEmptyOne() {
    List<HistoryOp> pending = List.of(new HistoryOp(0, -1, "0", "read", JsonNodeFactory.instance.nullNode(), 5, -1,
        OpOutcome.PENDING, ""));
    assertEquals("", LatencyPlot.render(pending, FAULTS, 1_000_000_000L));
    assertEquals("", ThroughputPlot.render(pending, FAULTS, 1_000_000_000L));
  }

  @Test
  void manyPointsAreReducedToTheSlowestPerBinAndKeepTheWorst() {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      points.add(new double[] {i / 1000.0, i == 54_321 ? 999 : i % 7});
    }
    List<double[]> kept = LatencyPlot.slowestPerBin(points, 100.0, 400);
    assertTrue(kept.size() <= 400, "at most one point per bin: " + kept.size());
    assertTrue(kept.stream().anyMatch(p -> p[1] == 999), "the slowest operation survives the reduction");
  }

  @Test
  void aHundredThousandOperationRunStillMakesSmallPlots() {
    List<HistoryOp> many = ops(100_000);
    long end = many.get(many.size() - 1).completeNanos();
    String latency = LatencyPlot.render(many, FAULTS, end);
    String throughput = ThroughputPlot.render(many, FAULTS, end);
    System.out.printf("plots for 100,000 operations: latency %d KB, throughput %d KB%n", latency.length() / 1024,
        throughput.length() / 1024);
    assertTrue(latency.contains("the slowest per time bin"), "the caption says the markers were reduced");
    assertTrue(latency.length() < 1_500_000 && throughput.length() < 1_500_000, "plots stay a small part of a page");
  }

  @Test
  void continuingSegmentsOfOneStyleBecomeOnePolylineAndEverySegmentIsKept() {
    String a = "stroke:red;";
    String b = "stroke:blue;";
    String in = "<g>\n" + seg(a, 0, 1, 0, 1) + seg(a, 1, 2, 1, 0) + seg(a, 2, 3, 0, 5) // one run of three
        + seg(a, 9, 10, 9, 9) // a gap: a run of its own, a lone segment
        + seg(b, 10, 11, 9, 8) + seg(b, 11, 12, 8, 8) // continues the point, but another style: a new run
        + "<path d=\"M0,0\"/>\n" + seg(b, 12, 13, 8, 8) + "</g>";
    String out = PlotSvg.joinSegments(in);
    assertEquals("<g>\n"
        + "<polyline style=\"fill:none;stroke:red;\" points=\"0,0 1,1 2,0 3,5\"/>\n"
        + seg(a, 9, 10, 9, 9)
        + "<polyline style=\"fill:none;stroke:blue;\" points=\"10,9 11,8 12,8\"/>\n"
        + "<path d=\"M0,0\"/>\n" + seg(b, 12, 13, 8, 8) + "</g>", out);
  }

  @Test
  void aLongRunsLinesAreAFewPolylinesNotASegmentEach() throws Exception {
    List<HistoryOp> many = ops(20_000);
    long end = many.get(many.size() - 1).completeNanos();
    for (String svg : List.of(LatencyPlot.render(many, FAULTS, end), ThroughputPlot.render(many, FAULTS, end))) {
      SvgXml xml = SvgXml.parse(svg);
      int polylines = xml.count("//*[local-name()='polyline']");
      int lines = xml.count("//*[local-name()='line']");
      assertTrue(polylines > 0, "the series lines are polylines");
      assertTrue(lines < 200, "what stays a <line> is the axes, ticks and grid, not the series: " + lines);
    }
  }

  private static String seg(String style, int x1, int x2, int y1, int y2) {
    return "<line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2
        + "\"/>\n";
  }
}
