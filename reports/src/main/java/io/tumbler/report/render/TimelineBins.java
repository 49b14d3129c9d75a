package io.tumbler.report.render;

import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.OpOutcome;

/**
 * The downsampled timeline for long histories: each lane is cut into {@value #BINS} time bins and each bin
 * drawn as up to three stacked strips (ok, fail, info/pending) whose opacity grows with how many operations
 * of that outcome overlapped the bin. The page then grows with lanes, not with operations.
 */
final class TimelineBins {
  static final int BINS = 1100;
  private static final OpOutcome[] STRIPS = {OpOutcome.OK, OpOutcome.FAIL, OpOutcome.INFO};

  private final TimelineSvg svg;
  private final TimelineSpec spec;
  private final int lanesTop;

  TimelineBins(TimelineSvg svg, TimelineSpec spec, int lanesTop) {
    this.svg = svg;
    this.spec = spec;
    this.lanesTop = lanesTop;
  }

  void draw(StringBuilder out) {
    int lanes = spec.processes().size();
    int[][][] counts = new int[lanes][STRIPS.length][BINS];
    java.util.Map<String, Integer> lane = new java.util.HashMap<>();
    for (int i = 0; i < lanes; i++) {
      lane.put(spec.processes().get(i), i);
    }
    for (HistoryOp op : spec.ops()) {
      int strip = op.outcome() == OpOutcome.OK ? 0 : op.outcome() == OpOutcome.FAIL ? 1 : 2;
      int first = bin(op.invokeNanos());
      int last = bin(op.endNanos(spec.endNanos()));
      for (int b = first; b <= last; b++) {
        counts[lane.getOrDefault(op.process(), 0)][strip][b]++;
      }
    }
    int max = 1;
    for (int[][] l : counts) {
      for (int[] s : l) {
        for (int c : s) {
          max = Math.max(max, c);
        }
      }
    }
    for (int l = 0; l < lanes; l++) {
      for (int s = 0; s < STRIPS.length; s++) {
        strip(out, spec.processes().get(l), s, counts[l][s], max);
      }
    }
  }

  private int bin(long nanos) {
    int b = (int) Math.floor(svg.x(nanos) * BINS / TimelineSvg.PLOT_WIDTH);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  /** One strip of a lane: consecutive bins with the same shade are merged into one rectangle. */
  private void strip(StringBuilder out, String process, int s, int[] counts, int max) {
    double binWidth = (double) TimelineSvg.PLOT_WIDTH / BINS;
    double stripHeight = (TimelineSvg.LANE_HEIGHT - 2) / 3.0;
    double y = svg.laneY(process, lanesTop) + 1 + s * stripHeight;
    int b = 0;
    while (b < BINS) {
      int shade = shade(counts[b], max);
      int end = b + 1;
      while (end < BINS && shade(counts[end], max) == shade) {
        end++;
      }
      if (shade > 0) {
        out.append("<rect class=\"op bin ").append(STRIPS[s].label()).append("\" x=\"").append(Markup.num(b * binWidth))
            .append("\" y=\"").append(Markup.num(y)).append("\" width=\"").append(Markup.num((end - b) * binWidth))
            .append("\" height=\"").append(Markup.num(stripHeight)).append("\" opacity=\"")
            .append(Markup.num(shade / 10.0)).append("\"/>\n");
      }
      b = end;
    }
  }

  /** 0 for an empty bin, else 3..10 tenths of opacity, rising with the count. */
  private static int shade(int count, int max) {
    if (count == 0) {
      return 0;
    }
    return 3 + (int) Math.round(7.0 * Math.log1p(count) / Math.log1p(max));
  }
}
