package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Latency over time per operation type ({@code f}): a point per completed operation at its invocation time,
 * its height the time from invocation to completion, fault windows shaded behind.
 *
 * <p>Only ok and fail completions are drawn: an info completion's latency is the client's timeout, not the
 * cluster's, and a pending operation has none. Beyond its share of {@value #POINT_LIMIT} points, a type's points are
 * reduced to the slowest per time bin, so a 100,000-operation run still makes a small plot that shows its
 * worst latencies. The budget is shared: each type may draw {@value #POINT_LIMIT} / (number of types) points,
 * at least {@value #MIN_POINTS}, because every marker costs about 250 bytes of SVG.
 */
public final class LatencyPlot {
  static final int POINT_LIMIT = 800;
  static final int MIN_POINTS = 100;

  private LatencyPlot() {}

  /** The plot as inline SVG, or empty when no operation completed. */
  public static String render(List<HistoryOp> ops, List<FaultWindow> faults, long endNanos) {
    Map<String, List<double[]>> byF = new TreeMap<>();
    double top = 0;
    for (HistoryOp op : ops) {
      if (op.outcome() == OpOutcome.OK || op.outcome() == OpOutcome.FAIL) {
        double millis = (op.completeNanos() - op.invokeNanos()) / 1e6;
        byF.computeIfAbsent(op.f(), f -> new ArrayList<>()).add(new double[] {op.invokeNanos() / 1e9, millis});
        top = Math.max(top, millis);
      }
    }
    if (byF.isEmpty()) {
      return "";
    }
    double spanSeconds = Math.max(endNanos / 1e9, 1e-3);
    XYChart chart = PlotSvg.chart("simulated time (s)", "latency (ms)");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(spanSeconds).setYAxisMin(0.0).setYAxisMax(top * 1.1 + 1e-3);
    PlotSvg.shadeFaults(chart, faults, top * 1.1 + 1e-3, spanSeconds);
    int share = Math.max(MIN_POINTS, POINT_LIMIT / byF.size());
    byF.forEach((f, points) -> addSeries(chart, f, points, spanSeconds, share));
    boolean reduced = byF.values().stream().anyMatch(points -> points.size() > share);
    return PlotSvg.render(chart, "latency-plot", "Latency of completed operations by type over simulated time"
        + (reduced ? " (types with over " + share + " operations: the slowest per time bin)" : ""));
  }

  private static void addSeries(XYChart chart, String f, List<double[]> points, double spanSeconds, int share) {
    List<double[]> drawn = points.size() > share ? slowestPerBin(points, spanSeconds, share) : points;
    double[] xs = new double[drawn.size()];
    double[] ys = new double[drawn.size()];
    for (int i = 0; i < drawn.size(); i++) {
      xs[i] = drawn.get(i)[0];
      ys[i] = drawn.get(i)[1];
    }
    String name = f + (drawn == points ? "" : " (slowest per bin)") + " · " + points.size() + " ops";
    chart.addSeries(name, xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
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
