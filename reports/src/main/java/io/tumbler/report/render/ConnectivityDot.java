package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import java.util.List;

/**
 * The cluster's connectivity during the fault windows, one diagram per distinct shape ({@link Topologies}), as DOT for Graphviz's neato, nodes pinned on a circle in
 * id order (the same node in the same place in every diagram, which a layout like circo does not promise):
 * a grey line where messages flow both ways, a red dashed line where they are dropped both ways, an orange
 * arrow where only one direction works, crashed or paused nodes grey, clogged ones ringed orange. When no
 * Graphviz engine is available the report falls back to {@link ConnectivitySvg}, which draws the same.
 */
final class ConnectivityDot {
  static final double RADIUS_PT = 60;
  private ConnectivityDot() {}

  /** A figure per distinct shape of the cluster, drawn by {@code renderer}; empty when there is none. */
  static String render(List<FaultWindow> faults, int[] nodes, GraphvizRenderer renderer) {
    StringBuilder b = new StringBuilder();
    int k = 0;
    for (Topologies t : Topologies.of(faults, nodes)) {
      Diagram d = renderer.draw(dot(t.links(), t.label()), GraphvizRenderer.Layout.NEATO, "cluster-" + k);
      b.append("<figure class=\"cluster\" data-times=\"").append(t.windows().size()).append("\" aria-label=\"")
          .append(Markup.esc("cluster during " + t.label())).append("\">").append(d.html("cluster-graph"))
          .append(t.caption()).append("</figure>\n");
      k++;
    }
    return b.length() == 0 ? "" : "<div class=\"connectivity\">\n" + b + "</div>\n";
  }

  /** The DOT text for one moment's links; pure, so golden files can pin it. */
  static String dot(ClusterLinks s, String label) {
    StringBuilder b = new StringBuilder("digraph connectivity {\n")
        .append("  graph [layout=neato, inputscale=72, splines=line, pad=0.1, tooltip=").append(DotText.q(label))
        .append("];\n  node [shape=circle, style=filled, fontname=\"Helvetica\", fontsize=10, fontcolor=white, ")
        .append("width=0.4, fixedsize=true, penwidth=2, color=white];\n")
        .append("  edge [penwidth=2, arrowsize=0.7];\n");
    int n = s.nodes().length;
    for (int i = 0; i < n; i++) {
      String state = s.down()[i] ? "down" : s.clogged()[i] ? "clogged" : "up";
      b.append("  n").append(s.nodes()[i]).append(" [class=").append(DotText.q("node " + state))
          .append(", fillcolor=").append(s.down()[i] ? "\"#a0aec0\"" : "\"#2b6cb0\"")
          .append(s.clogged()[i] ? ", color=\"#e8a33a\", penwidth=3" : "")
          .append(", tooltip=").append(DotText.q("n" + s.nodes()[i] + (state.equals("up") ? " running" : " " + state)))
          .append(", pos=\"").append(DotText.pt(RADIUS_PT * Math.cos(angle(i, n)))).append(',')
          .append(DotText.pt(-RADIUS_PT * Math.sin(angle(i, n)))).append("!\"")
          .append("];\n");
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        b.append(link(s, i, j));
      }
    }
    return b.append("}\n").toString();
  }

  /** Clockwise from the top, like {@link ConnectivitySvg}. */
  private static double angle(int i, int n) {
    return -Math.PI / 2 + 2 * Math.PI * i / n;
  }

  private static String link(ClusterLinks s, int i, int j) {
    boolean ij = s.blocked()[i][j];
    boolean ji = s.blocked()[j][i];
    String a = "n" + s.nodes()[i];
    String z = "n" + s.nodes()[j];
    if (ij == ji) {
      return "  " + a + " -> " + z + " [dir=none, class=" + DotText.q(ij ? "link blocked" : "link open")
          + (ij ? ", color=\"#d0463f\", style=dashed" : ", color=\"#9aa3ad\"")
          + ", tooltip=" + DotText.q(a + " ↔ " + z + (ij ? " blocked" : " open")) + "];\n";
    }
    String from = ij ? z : a;
    String to = ij ? a : z;
    return "  " + from + " -> " + to + " [class=\"link one-way\", color=\"#e8a33a\", tooltip="
        + DotText.q(from + " → " + to + " open, the other way blocked") + "];\n";
  }
}
