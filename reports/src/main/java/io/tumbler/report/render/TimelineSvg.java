package io.tumbler.report.render;

import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.LeaderTerm;
import io.tumbler.report.view.OpOutcome;
import io.tumbler.report.view.OpWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history timeline as inline SVG: a lane per client process, a bar per operation from invocation to
 * completion coloured by outcome and labelled with its f and value where it fits, a lane per fault kind above
 * them with a bar per fault window in the kind's {@link FaultPalette} colour, leader changes marked with their
 * term.
 *
 * <p>Drawn in plot units ({@value #PLOT_WIDTH} across) inside a group that the page's script scales and
 * translates horizontally for zoom and pan; labels sit outside that group and carry their plot x in
 * {@code data-x} so the script can move them without stretching the text. Beyond {@value #DETAIL_LIMIT}
 * operations, bars are binned ({@link TimelineBins}) so a 100,000-operation history stays a small page;
 * highlighted operations are always drawn one by one.
 */
public final class TimelineSvg {
  static final int PLOT_WIDTH = 1100;
  static final int GUTTER = 64;
  static final int LANE_HEIGHT = 14;
  static final int LANE_GAP = 4;
  static final int AXIS_HEIGHT = 18;
  static final int LABEL_ROW = 13;
  static final int DETAIL_LIMIT = 5000;
  /** Plot units per character of an operation's text at the initial zoom (9 px monospace-ish glyphs). */
  static final double OP_TEXT_UNITS = 5.0;

  private final TimelineSpec spec;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, Integer> laneOf = new HashMap<>();
  private final List<FaultKind> faultKinds = new ArrayList<>();
  private int labelRows;

  private TimelineSvg(TimelineSpec spec) {
    this.spec = spec;
    for (int i = 0; i < spec.processes().size(); i++) {
      laneOf.put(spec.processes().get(i), i);
    }
    for (FaultKind k : FaultKind.values()) {
      if (spec.faults().stream().anyMatch(f -> f.kind() == k)) {
        faultKinds.add(k);
      }
    }
  }

  /** The SVG element for {@code spec}. */
  public static String render(TimelineSpec spec) {
    return new TimelineSvg(spec).draw();
  }

  private String draw() {
    List<String> labels = new ArrayList<>();
    labelRows = placeLabels(labels);
    int faultTop = AXIS_HEIGHT + labelRows * LABEL_ROW + 4;
    int lanesTop = faultTop + faultKinds.size() * (LANE_HEIGHT + LANE_GAP);
    int height = lanesTop + spec.processes().size() * (LANE_HEIGHT + LANE_GAP) + 4;
    out.append("<svg id=\"").append(spec.id()).append("\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 ").append(GUTTER + PLOT_WIDTH + 8).append(' ').append(height)
        .append("\" data-t0=\"").append(spec.startNanos()).append("\" data-t1=\"").append(spec.endNanos())
        .append("\" data-gutter=\"").append(GUTTER).append("\" data-plot-width=\"").append(PLOT_WIDTH)
        .append("\" data-ops=\"").append(spec.ops().size()).append("\">\n");
    out.append("<defs><clipPath id=\"").append(spec.id()).append("-clip\"><rect x=\"").append(GUTTER)
        .append("\" y=\"0\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(height)
        .append("\"/></clipPath><clipPath id=\"").append(spec.id()).append("-clip-labels\"><rect x=\"")
        .append(GUTTER - 24).append("\" y=\"0\" width=\"").append(PLOT_WIDTH + 32).append("\" height=\"").append(height)
        .append("\"/></clipPath></defs>\n");
    faultLaneBackgrounds(faultTop);
    laneBackgrounds(lanesTop);
    out.append("<g clip-path=\"url(#").append(spec.id()).append("-clip)\"><g class=\"zoom\" transform=\"translate(")
        .append(GUTTER).append(",0)\">\n");
    faultBars(faultTop);
    leaderLines(lanesTop, height);
    bars(lanesTop);
    out.append("</g></g>\n<g class=\"labels\" clip-path=\"url(#").append(spec.id()).append("-clip-labels)\">\n");
    labels.forEach(out::append);
    opTexts(lanesTop);
    axis();
    out.append("</g>\n</svg>\n");
    return out.toString();
  }

  double x(long nanos) {
    return (nanos - spec.startNanos()) * (double) PLOT_WIDTH / (spec.endNanos() - spec.startNanos());
  }

  private void laneBackgrounds(int lanesTop) {
    for (int i = 0; i < spec.processes().size(); i++) {
      int y = lanesTop + i * (LANE_HEIGHT + LANE_GAP);
      out.append("<rect class=\"lane\" x=\"").append(GUTTER).append("\" y=\"").append(y).append("\" width=\"")
          .append(PLOT_WIDTH).append("\" height=\"").append(LANE_HEIGHT).append("\"/>")
          .append("<text class=\"lane-label\" x=\"").append(GUTTER - 6).append("\" y=\"").append(y + LANE_HEIGHT - 3)
          .append("\">process ").append(Markup.esc(spec.processes().get(i))).append("</text>\n");
    }
  }

  private void faultLaneBackgrounds(int faultTop) {
    for (int i = 0; i < faultKinds.size(); i++) {
      int y = faultTop + i * (LANE_HEIGHT + LANE_GAP);
      out.append("<rect class=\"lane fault-lane\" x=\"").append(GUTTER).append("\" y=\"").append(y)
          .append("\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(LANE_HEIGHT).append("\"/>")
          .append("<text class=\"lane-label fault-").append(faultKinds.get(i).label()).append("\" x=\"")
          .append(GUTTER - 6).append("\" y=\"").append(y + LANE_HEIGHT - 3).append("\">")
          .append(faultKinds.get(i).label()).append("</text>\n");
    }
  }

  /** Each fault window as a bar in its kind's lane, above the process lanes, so no label covers an operation. */
  private void faultBars(int faultTop) {
    for (FaultWindow f : spec.faults()) {
      double x0 = x(f.startNanos());
      double width = Math.max(x(f.endNanos()) - x0, 0.8);
      int y = faultTop + faultKinds.indexOf(f.kind()) * (LANE_HEIGHT + LANE_GAP) + 1;
      out.append("<rect class=\"fault fault-").append(f.kind().label()).append("\" x=\"").append(Markup.num(x0))
          .append("\" y=\"").append(y).append("\" width=\"").append(Markup.num(width)).append("\" height=\"")
          .append(LANE_HEIGHT - 2).append("\"><title>").append(Markup.esc(faultTitle(f))).append("</title></rect>\n");
    }
  }

  /**
   * The operation's text (f and value) over its bar when the bar is wide enough at the initial zoom; drawn in
   * the label layer so zooming moves it without stretching it.
   */
  private void opTexts(int lanesTop) {
    if (spec.ops().size() > DETAIL_LIMIT) {
      return;
    }
    for (HistoryOp op : spec.ops()) {
      String text = op.f() + " " + OpWords.compact(op.value());
      double x0 = x(op.invokeNanos());
      double width = x(op.endNanos(spec.endNanos())) - x0;
      if (width < text.length() * OP_TEXT_UNITS + 4) {
        continue;
      }
      out.append("<text class=\"op-text\" data-x=\"").append(Markup.num(x0 + 2)).append("\" x=\"")
          .append(Markup.num(GUTTER + x0 + 2)).append("\" y=\"").append(laneY(op.process(), lanesTop) + LANE_HEIGHT - 4)
          .append("\">").append(Markup.esc(text)).append("</text>\n");
    }
  }

  static String faultTitle(FaultWindow f) {
    return f.label() + ": " + OpWords.seconds(f.startNanos())
        + (f.endNanos() == f.startNanos() ? "" : " to " + OpWords.seconds(f.endNanos()))
        + (f.healed() ? "" : " (never healed)");
  }

  private void leaderLines(int lanesTop, int height) {
    for (LeaderTerm l : spec.leaders()) {
      String x = Markup.num(x(l.timeNanos()));
      out.append("<line class=\"leader\" vector-effect=\"non-scaling-stroke\" x1=\"").append(x).append("\" x2=\"")
          .append(x).append("\" y1=\"").append(AXIS_HEIGHT).append("\" y2=\"").append(height).append("\"><title>n")
          .append(l.node()).append(" became leader of term ").append(l.term()).append(" at ")
          .append(OpWords.seconds(l.timeNanos())).append("</title></line>\n");
    }
  }

  private void bars(int lanesTop) {
    boolean binned = spec.ops().size() > DETAIL_LIMIT;
    if (binned) {
      new TimelineBins(this, spec, lanesTop).draw(out);
    }
    for (HistoryOp op : spec.ops()) {
      if (!binned || spec.highlighted().contains(op.invokeIndex())) {
        bar(op, lanesTop);
      }
    }
  }

  int laneY(String process, int lanesTop) {
    return lanesTop + laneOf.getOrDefault(process, 0) * (LANE_HEIGHT + LANE_GAP);
  }

  private void bar(HistoryOp op, int lanesTop) {
    long end = op.endNanos(spec.endNanos());
    double x0 = x(op.invokeNanos());
    double width = Math.max(x(end) - x0, 0.6);
    boolean marked = spec.highlighted().contains(op.invokeIndex());
    out.append("<rect class=\"op ").append(op.outcome().label()).append(marked ? " cx" : "").append("\" x=\"")
        .append(Markup.num(x0)).append("\" y=\"").append(laneY(op.process(), lanesTop) + 1).append("\" width=\"")
        .append(Markup.num(width)).append("\" height=\"").append(LANE_HEIGHT - 2).append("\"><title>#")
        .append(op.invokeIndex()).append(" process ").append(Markup.esc(op.process())).append(": ")
        .append(Markup.esc(op.describe())).append(" — ").append(op.outcome().label())
        .append(op.error().isEmpty() ? "" : " (" + Markup.esc(op.error()) + ")").append(", ")
        .append(OpWords.seconds(op.invokeNanos()))
        .append(op.completeNanos() < 0 ? " (never completed)" : " to " + OpWords.seconds(op.completeNanos()))
        .append("</title></rect>\n");
  }

  /** Puts leader labels on rows above the lanes so they do not overlap; returns the row count. */
  private int placeLabels(List<String> labels) {
    List<Double> rowEnds = new ArrayList<>();
    for (LeaderTerm l : spec.leaders()) {
      labels.add(label(rowEnds, x(l.timeNanos()), "n" + l.node() + " leads t" + l.term(), "leader-label"));
    }
    return Math.max(1, rowEnds.size());
  }

  private String label(List<Double> rowEnds, double x, String text, String cssClass) {
    double widthUnits = text.length() * 5.6 + 6;
    int row = 0;
    while (row < rowEnds.size() && rowEnds.get(row) > x) {
      row++;
    }
    if (row == rowEnds.size()) {
      rowEnds.add(0.0);
    }
    rowEnds.set(row, x + widthUnits);
    int y = AXIS_HEIGHT + (row + 1) * LABEL_ROW - 2;
    return "<text class=\"" + cssClass + "\" data-x=\"" + Markup.num(x) + "\" x=\"" + Markup.num(GUTTER + x)
        + "\" y=\"" + y + "\">" + Markup.esc(text) + "</text>\n";
  }

  private void axis() {
    double spanSeconds = (spec.endNanos() - spec.startNanos()) / 1e9;
    double step = niceStep(spanSeconds / 10);
    double first = Math.ceil(spec.startNanos() / 1e9 / step) * step;
    for (double t = first; t <= spec.endNanos() / 1e9 + 1e-12; t += step) {
      double px = x(Math.round(t * 1e9));
      out.append("<text class=\"tick\" data-x=\"").append(Markup.num(px)).append("\" x=\"")
          .append(Markup.num(GUTTER + px)).append("\" y=\"12\">").append(tickText(t, step)).append("</text>\n");
    }
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
  }

  static String tickText(double seconds, double step) {
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step)));
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f s", seconds);
  }
}
