package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Throughput over time: ok completions per 100 ms of simulated time, as a step line, fault windows shaded
 * behind, so a fault's effect on progress (a stall while the leader is isolated, the recovery after the heal)
 * can be seen at a glance. Runs longer than {@value #BIN_LIMIT} bins are drawn with wider bins (a multiple of
 * 100 ms) whose height stays the average per 100 ms, so the axis means the same thing at every length.
 */
public final class ThroughputPlot {
  static final long BIN_NANOS = 100_000_000L;
  static final int BIN_LIMIT = 400;

  private ThroughputPlot() {}

  /** The plot as inline SVG, or empty when no operation completed ok. */
  public static String render(List<HistoryOp> ops, List<FaultWindow> faults, long endNanos) {
    if (ops.stream().noneMatch(o -> o.outcome() == OpOutcome.OK)) {
      return "";
    }
    long span = Math.max(endNanos, 1);
    long width = BIN_NANOS * Math.max(1, (span / BIN_NANOS + BIN_LIMIT) / BIN_LIMIT);
    int bins = (int) (span / width + 1);
    double[] counts = new double[bins];
    for (HistoryOp op : ops) {
      if (op.outcome() == OpOutcome.OK) {
        counts[(int) Math.min(bins - 1, op.completeNanos() / width)] += BIN_NANOS / (double) width;
      }
    }
    double[] xs = new double[bins * 2];
    double[] ys = new double[bins * 2];
    double top = 1;
    for (int i = 0; i < bins; i++) {
      xs[2 * i] = i * width / 1e9;
      xs[2 * i + 1] = Math.min(span, (i + 1) * width) / 1e9;
      ys[2 * i] = counts[i];
      ys[2 * i + 1] = counts[i];
      top = Math.max(top, counts[i]);
    }
    XYChart chart = PlotSvg.chart("simulated time (s)", "ok completions per 100 ms");
    // The axis ends where the run ends, like the timeline's, even when the last bin is cut short.
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(span / 1e9).setYAxisMin(0.0).setYAxisMax(top * 1.1);
    PlotSvg.shadeFaults(chart, faults, top * 1.1, span / 1e9);
    String name = width == BIN_NANOS ? "ok per 100 ms" : "ok per 100 ms (average over " + width / 1_000_000 + " ms)";
    XYSeries line = chart.addSeries(name, xs, ys);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(PlotSvg.OK_COLOUR);
    return PlotSvg.render(chart, "throughput-plot", "Ok completions per 100 ms of simulated time");
  }
}
