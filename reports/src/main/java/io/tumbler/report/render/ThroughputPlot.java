package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Rates over time: completions per 100 ms of simulated time as step lines, one per operation type for ok
 * completions (in the type's {@link OpTypeColours} colour, as in the latency plot) plus one for all fail and
 * one for all info completions, fault windows shaded behind, so a fault's effect on progress (a stall while
 * the leader is isolated, the timeouts it causes, the recovery after the heal) can be seen at a glance. Runs
 * longer than {@value #BIN_LIMIT} bins are drawn with wider bins (a multiple of 100 ms) whose height stays the
 * average per 100 ms, so the axis means the same thing at every length.
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
    Map<Series, double[]> counts = new TreeMap<>();
    SortedSet<String> types = new TreeSet<>();
    ops.stream().filter(o -> o.completeNanos() >= 0).forEach(o -> types.add(o.f()));
    for (HistoryOp op : ops) {
      if (op.completeNanos() >= 0 && op.outcome() != OpOutcome.PENDING) {
        Series key = op.outcome() == OpOutcome.OK ? new Series(op.f(), OpOutcome.OK) : new Series("", op.outcome());
        counts.computeIfAbsent(key, k -> new double[bins])[(int) Math.min(bins - 1, op.completeNanos() / width)] +=
            BIN_NANOS / (double) width;
      }
    }
    double top = Math.max(1, counts.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1));
    String per = width == BIN_NANOS ? "per 100 ms" : "per 100 ms (average over " + width / 1_000_000 + " ms)";
    XYChart chart = PlotSvg.chart("time since the run began (s)", "completions " + per);
    // The axis ends where the run ends, like the timeline's, even when the last bin is cut short.
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(span / 1e9).setYAxisMin(0.0).setYAxisMax(top * 1.1);
    PlotSvg.shadeFaults(chart, faults, top * 1.1, span / 1e9);
    List<String> typeOrder = new ArrayList<>(types);
    counts.forEach((series, c) -> {
      boolean ok = series.outcome() == OpOutcome.OK;
      String name = ok ? series.type() + " ok" : series.outcome().label() + " (all types)";
      Color colour = ok ? OpTypeColours.of(typeOrder.indexOf(series.type()), 255)
          : series.outcome() == OpOutcome.FAIL ? PlotSvg.FAIL_COLOUR : PlotSvg.INFO_COLOUR;
      steps(chart, name, c, width, span, colour);
    });
    return PlotSvg.render(chart, "throughput-plot", "Completions per 100 ms of the run: ok by type, "
        + "fail and info over all types");
  }

  /** One line of the plot: ok completions of one type, or fail or info ones of every type (type empty). */
  private record Series(String type, OpOutcome outcome) implements Comparable<Series> {
    /** The ok lines by type first, then fail and info, as the legend lists them. */
    @Override
    public int compareTo(Series o) {
      boolean ok = outcome == OpOutcome.OK;
      if (ok != (o.outcome == OpOutcome.OK)) {
        return ok ? -1 : 1;
      }
      return ok ? type.compareTo(o.type) : outcome.label().compareTo(o.outcome.label());
    }
  }

  private static void steps(XYChart chart, String name, double[] counts, long width, long span, Color colour) {
    double[] xs = new double[counts.length * 2];
    double[] ys = new double[counts.length * 2];
    for (int i = 0; i < counts.length; i++) {
      xs[2 * i] = i * width / 1e9;
      xs[2 * i + 1] = Math.min(span, (i + 1) * width) / 1e9;
      ys[2 * i] = counts[i];
      ys[2 * i + 1] = counts[i];
    }
    XYSeries line = chart.addSeries(name, xs, ys);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(colour);
  }
}
