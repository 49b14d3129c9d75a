package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The distinct shapes the cluster took during a run: each network, crash or pause window gives the cluster's
 * links at its start, and windows that give the same links, clogs and down nodes share one diagram labelled
 * with every window it held. A nemesis that isolates the leader 400 times draws one diagram per leader it
 * isolated, not 400.
 *
 * @param links the shape
 * @param windows the fault windows at whose start the cluster had this shape, by start time
 */
record Topologies(ClusterLinks links, List<FaultWindow> windows) {
  static final int LISTED_WINDOWS = 6;

  /** The distinct shapes of {@code faults} on {@code nodes}, in the order they first occurred. */
  static List<Topologies> of(List<FaultWindow> faults, int[] nodes) {
    Map<String, ClusterLinks> shape = new LinkedHashMap<>();
    Map<String, List<FaultWindow>> held = new LinkedHashMap<>();
    for (FaultWindow f : faults) {
      if (ClusterLinks.shapesCluster(f)) {
        ClusterLinks s = ClusterLinks.at(f.startNanos(), faults, nodes);
        String key = key(s);
        shape.putIfAbsent(key, s);
        held.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<Topologies> out = new ArrayList<>();
    shape.forEach((key, s) -> out.add(new Topologies(s, held.get(key))));
    return out;
  }

  private static String key(ClusterLinks s) {
    return Arrays.deepToString(s.blocked()) + Arrays.toString(s.clogged()) + Arrays.toString(s.down())
        + s.unreadable();
  }

  /** The distinct fault labels that produced this shape, joined; what the diagram is "during". */
  String label() {
    Set<String> labels = new LinkedHashSet<>();
    windows.forEach(w -> labels.add(w.label()));
    return String.join("; ", labels);
  }

  /** The caption: the faults, how often the shape held, its first windows, and what could not be drawn. */
  String caption() {
    StringBuilder b = new StringBuilder("<figcaption>").append(Markup.esc(label())).append("<br><span class=\"sub")
        .append(" cluster-windows\">");
    if (windows.size() > 1) {
      b.append("held ").append(windows.size()).append(" times: ");
    }
    for (int i = 0; i < Math.min(windows.size(), LISTED_WINDOWS); i++) {
      b.append(i == 0 ? "" : ", ").append(span(windows.get(i)));
    }
    if (windows.size() > LISTED_WINDOWS) {
      b.append(" and ").append(windows.size() - LISTED_WINDOWS).append(" more");
    }
    b.append("</span>");
    links.unreadable().forEach(u -> b.append("<br><span class=\"sub\">also in force, not drawn: ")
        .append(Markup.esc(u)).append("</span>"));
    return b.append("</figcaption>").toString();
  }

  private static String span(FaultWindow w) {
    String from = String.format(Locale.ROOT, "%.3f", w.startNanos() / 1e9);
    return w.endNanos() == w.startNanos() ? from + " s"
        : from + "–" + String.format(Locale.ROOT, "%.3f s", w.endNanos() / 1e9) + (w.healed() ? "" : " (never healed)");
  }
}
