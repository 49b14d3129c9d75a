package io.tumbler.report.render;

import io.tumbler.report.view.FaultWindow;
import io.tumbler.runformat.JournalLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cluster's connectivity during the fault windows, one small diagram per distinct shape (see
 * {@link Topologies}): nodes on a circle, a
 * grey line where messages flow both ways, a red dashed line where they are dropped both ways, an arrow where
 * only one direction still works, crashed or paused nodes greyed out and clogged ones ringed.
 *
 * <p>The fallback of {@link ConnectivityDot} when no Graphviz engine starts on this machine (no {@code dot},
 * and graphviz-java's V8 engine unavailable): a fixed circle drawn as plain SVG, the same node in the same
 * place in every diagram.
 */
public final class ConnectivitySvg {
  static final int SIZE = 170;
  static final double RADIUS = 55;

  private ConnectivitySvg() {}

  /** A figure per distinct shape of the cluster during network, crash or pause windows; empty when none. */
  public static String render(List<FaultWindow> faults, List<JournalLine> journal) {
    StringBuilder b = new StringBuilder();
    int k = 0;
    for (Topologies t : Topologies.of(faults, nodesOf(faults, journal))) {
      b.append(figure(t, k++));
    }
    return b.length() == 0 ? "" : "<div class=\"connectivity\">\n" + b + "</div>\n";
  }

  /** The node ids named in the faults or the journal, ascending. */
  static int[] nodesOf(List<FaultWindow> faults, List<JournalLine> journal) {
    return ClusterLinks.nodesOf(faults, journalNodes(journal));
  }

  private static List<Integer> journalNodes(List<JournalLine> journal) {
    List<Integer> out = new ArrayList<>();
    for (JournalLine e : journal) {
      if (e.node() > 0) {
        out.add(e.node());
      }
    }
    return out;
  }

  static String figure(Topologies t, int k) {
    ClusterLinks s = t.links();
    StringBuilder b = new StringBuilder("<figure class=\"cluster\" data-times=\"").append(t.windows().size())
        .append("\">");
    b.append("<svg id=\"cluster-").append(k).append("\" class=\"cluster\" xmlns=\"http://www.w3.org/2000/svg\"")
        .append(" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE).append("\" role=\"img\" aria-label=\"")
        .append(Markup.esc("cluster during " + t.label())).append("\">\n");
    b.append("<defs><marker id=\"cluster-").append(k).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow\"/>")
        .append("</marker></defs>\n");
    links(b, s, k);
    nodes(b, s);
    return b.append("</svg>").append(t.caption()).append("</figure>\n").toString();
  }

  private static double[] at(int i, int n) {
    double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
    return new double[] {SIZE / 2.0 + RADIUS * Math.cos(angle), SIZE / 2.0 + RADIUS * Math.sin(angle)};
  }

  private static void links(StringBuilder b, ClusterLinks s, int k) {
    int n = s.nodes().length;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean ij = s.blocked()[i][j];
        boolean ji = s.blocked()[j][i];
        double[] a = at(i, n);
        double[] z = at(j, n);
        String from = "n" + s.nodes()[i];
        String to = "n" + s.nodes()[j];
        if (ij == ji) {
          line(b, ij ? "link blocked" : "link open", a, z, "", from + " ↔ " + to + (ij ? " blocked" : " open"));
        } else {
          double[] src = ij ? z : a;
          double[] dst = ij ? a : z;
          String title = (ij ? to + " → " + from : from + " → " + to) + " open, the other way blocked";
          line(b, "link one-way", src, shorten(src, dst), " marker-end=\"url(#cluster-" + k + "-arrow)\"", title);
        }
      }
    }
  }

  /** Ends an arrow at the edge of the target node's circle, not its centre. */
  private static double[] shorten(double[] src, double[] dst) {
    double dx = dst[0] - src[0];
    double dy = dst[1] - src[1];
    double len = Math.max(Math.hypot(dx, dy), 1);
    return new double[] {dst[0] - dx * 15 / len, dst[1] - dy * 15 / len};
  }

  private static void line(StringBuilder b, String cls, double[] a, double[] z, String extra, String title) {
    b.append("<line class=\"").append(cls).append("\" x1=\"").append(Markup.num(a[0])).append("\" y1=\"")
        .append(Markup.num(a[1])).append("\" x2=\"").append(Markup.num(z[0])).append("\" y2=\"")
        .append(Markup.num(z[1])).append('"').append(extra).append("><title>").append(Markup.esc(title))
        .append("</title></line>\n");
  }

  private static void nodes(StringBuilder b, ClusterLinks s) {
    int n = s.nodes().length;
    for (int i = 0; i < n; i++) {
      double[] p = at(i, n);
      String state = s.down()[i] ? "down" : s.clogged()[i] ? "clogged" : "up";
      b.append("<g class=\"node ").append(state).append("\"><circle cx=\"").append(Markup.num(p[0]))
          .append("\" cy=\"").append(Markup.num(p[1])).append("\" r=\"13\"><title>n").append(s.nodes()[i])
          .append(' ').append(state.equals("up") ? "running" : state.toLowerCase(Locale.ROOT))
          .append("</title></circle><text x=\"").append(Markup.num(p[0])).append("\" y=\"")
          .append(Markup.num(p[1] + 4)).append("\">n").append(s.nodes()[i]).append("</text></g>\n");
    }
  }
}
