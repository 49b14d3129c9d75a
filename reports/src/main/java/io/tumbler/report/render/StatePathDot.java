package io.tumbler.report.render;

import io.tumbler.report.view.Counterexample;
import java.util.List;

/**
 * The path of model states along the longest linearization, as DOT for Graphviz's dot layout (left to
 * right). A final path starts with the last call the longest prefix linearized, goes through calls pending
 * when the failing call completed, and ends with the failing call: each is an arrow labelled by the call,
 * into a box holding the state it leads to, from a grey box standing for the earlier operations; the last
 * call cannot be applied, so its arrow ends in a red box saying why. The idea is Knossos's
 * {@code linear.svg}; the drawing is ours.
 */
final class StatePathDot {
  /** The most paths drawn; the checker may report many that end the same way. */
  static final int MAX_PATHS = 6;

  private StatePathDot() {}

  /** The DOT text for {@code cx}'s final paths; pure, so golden files can pin it. */
  static String dot(Counterexample cx) {
    StringBuilder b = new StringBuilder("digraph states {\n")
        .append("  graph [rankdir=LR, nodesep=0.25, ranksep=0.35, pad=0.15, fontname=\"Helvetica\", fontsize=10];\n")
        .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4ff\", color=\"#2b6cb0\", ")
        .append("fontname=\"Helvetica\", fontsize=10];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#1d232b\", arrowsize=0.6];\n");
    int prefixLength = cx.prefixes().stream().mapToInt(Counterexample.Prefix::length).max().orElse(0);
    String start = prefixLength == 1 ? "the initial state"
        : prefixLength == 2 ? "… 1 earlier operation"
        : prefixLength > 2 ? "… " + (prefixLength - 1) + " earlier operations" : "… earlier operations";
    int shown = Math.min(cx.finalPaths().size(), MAX_PATHS);
    for (int p = 0; p < shown; p++) {
      path(b, p, start, cx.finalPaths().get(p));
    }
    return b.append("}\n").toString();
  }

  private static void path(StringBuilder b, int p, String start, List<Counterexample.Step> steps) {
    b.append("  subgraph cluster_").append(p).append(" {\n    label=").append(DotText.q("path " + (p + 1)))
        .append("; labeljust=l; color=\"#d9dee4\"; fontcolor=\"#5b6673\";\n    p").append(p).append("s0 [label=")
        .append(DotText.q(start)).append(", fillcolor=\"#f3f5f7\", color=\"#9aa3ad\", fontcolor=\"#5b6673\"];\n");
    for (int i = 0; i < steps.size(); i++) {
      Counterexample.Step s = steps.get(i);
      String node = "p" + p + "s" + (i + 1);
      b.append("    ").append(node).append(s.legal() ? " [label=" + DotText.q(s.state()) + "];\n"
          : " [label=" + DotText.q("✗ " + wrap(s.state(), 38)) + ", fillcolor=\"#ffe3e0\", color=\"#d0463f\", "
              + "fontcolor=\"#8f1d17\"];\n");
      b.append("    p").append(p).append('s').append(i).append(" -> ").append(node).append(" [label=")
          .append(DotText.q(wrap(s.call(), 30))).append(s.legal() ? "" : ", color=\"#d0463f\", fontcolor=\"#d0463f\", penwidth=1.6")
          .append("];\n");
    }
    b.append("  }\n");
  }

  /** Breaks {@code text} at spaces into lines of about {@code width} characters. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    int line = 0;
    for (String word : text.split(" ")) {
      if (line > 0 && line + 1 + word.length() > width) {
        out.append('\n');
        line = 0;
      } else if (line > 0) {
        out.append(' ');
        line++;
      }
      out.append(word);
      line += word.length();
    }
    return out.toString();
  }
}
