package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency over time per operation type ({@code f}), at the operation's invocation time, fault windows shaded
 * behind in their kinds' colours: for ok completions, p50/p95/p99/max lines per time bin (one colour per type,
 * fading from p50 to max); fail completions as crosses and info completions (the client gave up: its latency
 * is at least the client's timeout) as triangles, in the type's colour. A pending operation has no latency.
 *
 * <p>Lines cost a few bytes per bin whatever the number of operations; markers cost about 250 bytes each, so
 * beyond {@value #MARKER_LIMIT} per type and outcome they are reduced to the slowest per time bin.
 */
public final class LatencyPlot {
  static final int QUANTILE_BINS = 30;
  static final int MARKER_LIMIT = 150;
  private static final int[] QUANTILE_ALPHA = {255, 190, 130, 80};
  private static final float[] QUANTILE_WIDTH = {2.0f, 1.4f, 1.1f, 0.8f};

  private LatencyPlot() {}

  /** The plot as inline SVG, or empty when no operation completed. */
  public static String render(List<HistoryOp> ops, List<FaultWindow> faults, long endNanos) {
    XYChart chart = chart(ops, faults, endNanos);
    if (chart == null) {
      return "";
    }
    boolean reduced = chart.getSeriesMap().keySet().stream().anyMatch(name -> name.contains("slowest"));
    return PlotSvg.render(chart, "latency-plot", "Latency by operation type over the run: ok as "
        + "p50/p95/p99/max lines per time bin, fail as crosses, info as triangles"
        + (reduced ? " (over " + MARKER_LIMIT + " markers of a type and outcome: the slowest per time bin)" : ""));
  }

  /** The chart before it is drawn (its series are what the tests read), or null when no operation completed. */
  static XYChart chart(List<HistoryOp> ops, List<FaultWindow> faults, long endNanos) {
    Map<String, Map<OpOutcome, List<double[]>>> byF = new TreeMap<>();
    double top = 0;
    for (HistoryOp op : ops) {
      if (op.outcome() != OpOutcome.PENDING && op.completeNanos() >= 0) {
        double millis = (op.completeNanos() - op.invokeNanos()) / 1e6;
        byF.computeIfAbsent(op.f(), f -> new EnumMap<>(OpOutcome.class))
            .computeIfAbsent(op.outcome(), o -> new ArrayList<>()).add(new double[] {op.invokeNanos() / 1e9, millis});
        top = Math.max(top, millis);
      }
    }
    if (byF.isEmpty()) {
      return null;
    }
    double spanSeconds = Math.max(endNanos / 1e9, 1e-3);
    XYChart chart = PlotSvg.chart("time since the run began (s)", "latency (ms)");
    // Four lines per type plus markers make a long legend: keep it beside the plot, not over the data.
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(spanSeconds).setYAxisMin(0.0).setYAxisMax(top * 1.1 + 1e-3);
    PlotSvg.shadeFaults(chart, faults, top * 1.1 + 1e-3, spanSeconds);
    int colour = 0;
    for (Map.Entry<String, Map<OpOutcome, List<double[]>>> e : byF.entrySet()) {
      quantileLines(chart, e.getKey(), e.getValue().getOrDefault(OpOutcome.OK, List.of()), spanSeconds, colour);
      markers(chart, e.getKey(), OpOutcome.FAIL, e.getValue(), spanSeconds, colour);
      markers(chart, e.getKey(), OpOutcome.INFO, e.getValue(), spanSeconds, colour);
      colour++;
    }
    return chart;
  }

  private static void quantileLines(XYChart chart, String f, List<double[]> ok, double spanSeconds, int colour) {
    if (ok.isEmpty()) {
      return;
    }
    LatencyQuantiles q = LatencyQuantiles.of(ok, spanSeconds, QUANTILE_BINS);
    for (int level = 0; level < LatencyQuantiles.LEVELS.length; level++) {
      // One legend entry per type: XChart draws legend text as glyph outlines, a few kilobytes per entry.
      String name = level == 0 ? f + " ok p50 (bold) … max (faint) · " + ok.size() + " ops"
          : f + " ok " + LatencyQuantiles.NAMES[level];
      XYSeries s = chart.addSeries(name, q.binMidSeconds(), q.quantiles()[level]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(OpTypeColours.of(colour, QUANTILE_ALPHA[level]));
      s.setLineStyle(new BasicStroke(QUANTILE_WIDTH[level]));
      s.setShowInLegend(level == 0);
    }
  }

  /** Adds the type's fail or info markers, reduced to the slowest per bin beyond the limit (and named so). */
  private static void markers(XYChart chart, String f, OpOutcome outcome, Map<OpOutcome, List<double[]>> byOutcome,
      double spanSeconds, int colour) {
    List<double[]> points = byOutcome.getOrDefault(outcome, List.of());
    if (points.isEmpty()) {
      return;
    }
    boolean reduce = points.size() > MARKER_LIMIT;
    List<double[]> drawn = reduce ? slowestPerBin(points, spanSeconds, MARKER_LIMIT) : points;
    double[] xs = drawn.stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = drawn.stream().mapToDouble(p -> p[1]).toArray();
    Marker marker = outcome == OpOutcome.FAIL ? SeriesMarkers.CROSS : SeriesMarkers.TRIANGLE_UP;
    XYSeries s = chart.addSeries(f + " " + outcome.label() + (reduce ? " (slowest per bin)" : "") + " · "
        + points.size() + " ops", xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(OpTypeColours.of(colour, 200));
  }

  static List<double[]> slowestPerBin(List<double[]> points, double spanSeconds, int bins) {
    double[][] slowest = new double[bins][];
    for (double[] p : points) {
      int bin = (int) Math.min(bins - 1, Math.max(0, p[0] / spanSeconds * bins));
      if (slowest[bin] == null || slowest[bin][1] < p[1]) {
        slowest[bin] = p;
      }
    }
    List<double[]> out = new ArrayList<>();
    for (double[] p : slowest) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
