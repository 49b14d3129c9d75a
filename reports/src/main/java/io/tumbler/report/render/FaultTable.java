package io.tumbler.report.render;

import io.tumbler.report.view.FaultGroup;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.OpWords;
import java.util.List;
import java.util.Locale;

/**
 * The faults of a run as one row per fault and target: its kind's colour, how often it was applied, how long
 * it was in force, and a time strip with a tick per occurrence across the whole run, so a nemesis that fired
 * 400 times takes one row and the page still shows when it fired.
 */
final class FaultTable {
  static final int STRIP_WIDTH = 360;
  static final int STRIP_HEIGHT = 14;

  private FaultTable() {}

  /** The table for {@code groups} on a run {@code endNanos} long. */
  static String render(List<FaultGroup> groups, long endNanos) {
    StringBuilder b = new StringBuilder("<table class=\"fault-groups\"><tr><th>kind</th><th>fault</th>")
        .append("<th class=\"num\">times</th><th class=\"num\">in force</th><th>first … last</th>")
        .append("<th>when (0 s to ").append(String.format(Locale.ROOT, "%.3f s", endNanos / 1e9))
        .append(")</th></tr>\n");
    for (FaultGroup g : groups) {
      FaultWindow first = g.windows().get(0);
      FaultWindow last = g.windows().get(g.count() - 1);
      b.append("<tr class=\"fault-group\" data-kind=\"").append(g.kind().label()).append("\" data-count=\"")
          .append(g.count()).append("\"><td><span class=\"sw\" style=\"background:var(")
          .append(FaultPalette.cssVariable(g.kind())).append(")\"></span>").append(g.kind().label())
          .append("</td><td>").append(Markup.esc(g.label())).append(g.anyUnhealed() ? " <i>(never healed)</i>" : "")
          .append("</td><td class=\"num\">").append(g.count()).append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.3f s", g.inForceNanos() / 1e9)).append("</td><td class=\"mono\">")
          .append(OpWords.seconds(first.startNanos()))
          .append(g.count() > 1 ? " … " + OpWords.seconds(last.startNanos()) : "").append("</td><td>")
          .append(strip(g, endNanos)).append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  /** A tiny SVG: a tick (or a bar, for a long window) per occurrence, in the kind's colour. */
  static String strip(FaultGroup g, long endNanos) {
    double scale = STRIP_WIDTH / (double) Math.max(endNanos, 1);
    StringBuilder b = new StringBuilder("<svg class=\"fault-strip\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(STRIP_WIDTH).append(' ').append(STRIP_HEIGHT).append("\" width=\"").append(STRIP_WIDTH)
        .append("\" height=\"").append(STRIP_HEIGHT).append("\"><rect class=\"strip-bg\" width=\"").append(STRIP_WIDTH)
        .append("\" height=\"").append(STRIP_HEIGHT).append("\"/><g style=\"fill:var(")
        .append(FaultPalette.cssVariable(g.kind())).append(")\">");
    for (FaultWindow w : g.windows()) {
      double x = Math.min(w.startNanos() * scale, STRIP_WIDTH - 1);
      double width = Math.max((w.endNanos() - w.startNanos()) * scale, 1);
      b.append("<rect x=\"").append(Markup.num(x)).append("\" width=\"").append(Markup.num(width))
          .append("\" height=\"").append(STRIP_HEIGHT).append("\" opacity=\".55\"/>");
    }
    return b.append("</g></svg>").toString();
  }
}
