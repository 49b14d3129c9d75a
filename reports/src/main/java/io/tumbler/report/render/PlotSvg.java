package io.tumbler.report.render;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns an XChart {@link XYChart} into an SVG element that can sit inline in a report page.
 *
 * <p>XChart's own {@code VectorGraphicsEncoder} writes a standalone file (XML prolog, DOCTYPE) whose clip-path
 * ids come from identity hash codes; inlined twice in one page such ids could collide, and they change from
 * run to run. This class paints through the same VectorGraphics2D SVG processor, drops the prolog and renames
 * the ids after the plot's own id, so the output is a pure function of the chart (and the fonts of the machine:
 * XChart draws text as glyph outlines, so the page needs no font either).
 */
final class PlotSvg {
  static final int WIDTH = 1100;
  static final int HEIGHT = 300;
  private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d\\d)\\d+");
  private static final Pattern LINE_DEAD_STYLE = Pattern.compile(
      "<line style=\"fill:none;([^\"]*?)stroke-miterlimit:10;");
  private static final Pattern CLIP_ID = Pattern.compile("\\bclip(\\d+)\\b");
  private static final Pattern SEGMENT = Pattern.compile(
      "<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>\\s*");
  static final Color OK_COLOUR = new Color(63, 155, 79);
  static final Color FAIL_COLOUR = new Color(208, 70, 63);
  static final Color INFO_COLOUR = new Color(232, 163, 58);

  private PlotSvg() {}

  /** A blank chart in the report's look: white, small fonts, legend inside the top right corner. */
  static XYChart chart(String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    XYStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setXAxisDecimalPattern("0.0##");
    // A dashed grid becomes thousands of tiny rectangles in VectorGraphics2D's SVG: keep it solid and light.
    s.setPlotGridLinesStroke(new BasicStroke(0.6f));
    s.setPlotGridLinesColor(new Color(225, 229, 234));
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
    s.setMarkerSize(4);
    s.setAxisTitleFont(s.getAxisTitleFont().deriveFont(11f));
    s.setAxisTickLabelsFont(s.getAxisTickLabelsFont().deriveFont(10f));
    s.setLegendFont(s.getLegendFont().deriveFont(10f));
    return chart;
  }

  /**
   * Adds the fault windows as shaded area series from 0 up to {@code top}, one per fault kind in its
   * {@link FaultPalette} colour, so they read as bands behind the data in the same colours as the timeline.
   * One-off faults (a disk bit flip) get a sliver one thousandth of the plot wide.
   */
  static void shadeFaults(XYChart chart, List<FaultWindow> faults, double top, double spanSeconds) {
    for (FaultKind kind : FaultKind.values()) {
      List<FaultWindow> ofKind = faults.stream().filter(f -> f.kind() == kind).collect(Collectors.toList());
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (double[] band : mergedBands(ofKind, spanSeconds)) {
        xs.addAll(List.of(band[0], band[0], band[1], band[1]));
        ys.addAll(List.of(0.0, top, top, 0.0));
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries band = chart.addSeries(kind.label() + " faults", xs, ys);
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
      band.setMarker(SeriesMarkers.NONE);
      band.setFillColor(FaultPalette.awt(kind, 40));
      band.setLineColor(FaultPalette.awt(kind, 90));
    }
  }

  /**
   * The fault windows as disjoint bands in ascending order (XChart's area series needs ascending x):
   * overlapping or touching windows merge into one band.
   */
  static List<double[]> mergedBands(List<FaultWindow> faults, double spanSeconds) {
    double sliver = Math.max(spanSeconds / 1000, 1e-6);
    List<double[]> bands = new ArrayList<>();
    for (FaultWindow f : faults) {
      if (f.kind() == FaultKind.CLOCK) {
        continue; // a skewed clock lasts until "heal all" and would shade the whole plot, hiding the others
      }
      double x0 = f.startNanos() / 1e9;
      bands.add(new double[] {x0, Math.max(f.endNanos() / 1e9, x0 + sliver)});
    }
    bands.sort(java.util.Comparator.comparingDouble(b -> b[0]));
    List<double[]> merged = new ArrayList<>();
    for (double[] b : bands) {
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && b[0] <= last[1]) {
        last[1] = Math.max(last[1], b[1]);
      } else {
        merged.add(b.clone());
      }
    }
    return merged;
  }

  /** The chart as an {@code <svg>} element with {@code id} and {@code class="plot"}, ready to inline. */
  static String render(XYChart chart, String id, String caption) {
    VectorGraphics2D g = new VectorGraphics2D();
    chart.paint(g, chart.getWidth(), chart.getHeight());
    Document doc = new SVGProcessor().getDocument(g.getCommands(),
        new PageSize(0, 0, chart.getWidth(), chart.getHeight()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      doc.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a plot to memory cannot fail", e);
    }
    String svg = bytes.toString(StandardCharsets.UTF_8);
    int open = svg.indexOf("<svg");
    assert open >= 0 : "VectorGraphics2D wrote no svg element";
    // Hundredths of a pixel are invisible; the digits beyond them are half of the plot's bytes.
    svg = LONG_DECIMAL.matcher(renameClips(svg.substring(open), id)).replaceAll("$1");
    // A <line> has no fill and no joins: VectorGraphics2D's fill and miter limit on each segment are dead bytes,
    // a third of a line's text, and a plot's lines are drawn segment by segment.
    svg = joinSegments(LINE_DEAD_STYLE.matcher(svg).replaceAll("<line style=\"$1"));
    String tag = "<svg id=\"" + id + "\" class=\"plot\" role=\"img\" aria-label=\"" + Markup.esc(caption) + "\"";
    return tag + " " + svg.substring("<svg".length()).stripLeading().replaceFirst("\\bwidth=\"[^\"]*\" ", "")
        .replaceFirst("\\bheight=\"[^\"]*\" ", "").replaceFirst(">", "><title>" + Markup.esc(caption) + "</title>")
        .strip() + "\n";
  }

  /**
   * Joins runs of {@code <line>} segments that continue one another (each starts where the one before ended, in the
   * same style, with nothing but white space between) into one {@code <polyline>}: a line series is painted segment
   * by segment, and a long run's rate and latency lines were hundreds of elements. The segments drawn are the same;
   * a lone segment stays a {@code <line>}.
   */
  static String joinSegments(String svg) {
    Matcher m = SEGMENT.matcher(svg);
    StringBuilder out = new StringBuilder(svg.length());
    int copied = 0;
    int from = 0;
    while (m.find(from)) {
      out.append(svg, copied, m.start());
      String style = m.group(1);
      StringBuilder points = new StringBuilder().append(m.group(2)).append(',').append(m.group(4));
      String lastX = m.group(3);
      String lastY = m.group(5);
      int segments = 1;
      int end = m.end();
      String first = m.group();
      while (m.find(end) && m.start() == end && m.group(1).equals(style) && m.group(2).equals(lastX)
          && m.group(4).equals(lastY)) {
        points.append(' ').append(lastX).append(',').append(lastY);
        lastX = m.group(3);
        lastY = m.group(5);
        end = m.end();
        segments++;
      }
      if (segments == 1) {
        out.append(first);
      } else {
        points.append(' ').append(lastX).append(',').append(lastY);
        out.append("<polyline style=\"fill:none;").append(style).append("\" points=\"").append(points)
            .append("\"/>\n");
      }
      copied = end;
      from = end;
    }
    return out.append(svg, copied, svg.length()).toString();
  }

  private static String renameClips(String svg, String id) {
    Matcher m = CLIP_ID.matcher(svg);
    List<String> seen = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int k = seen.indexOf(m.group(1));
      if (k < 0) {
        seen.add(m.group(1));
        k = seen.size() - 1;
      }
      m.appendReplacement(out, id + "-clip" + k);
    }
    m.appendTail(out);
    return out.toString();
  }
}
