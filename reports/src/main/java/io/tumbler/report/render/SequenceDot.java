package io.tumbler.report.render;

import io.tumbler.report.input.TraceMessages.Fate;
import io.tumbler.report.view.MessageLabel;
import io.tumbler.report.view.MessageSequence;
import io.tumbler.report.view.MessageSequence.Arrow;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A Lamport-style message-sequence diagram of the failure window as DOT with pinned positions (neato): one
 * vertical lane per node and the failing client, time flowing down, an arrow from each send to its delivery
 * labelled with the message's kind and term; a dropped message ends in a red cross between the lanes, one
 * still in flight when the trace was left ends dotted at the bottom.
 *
 * <p>Positions are ours, not a layout's: the vertical axis is the order of distinct event times (real time
 * would squeeze a burst of messages into one line), so Graphviz only draws the lines, arrowheads and labels.
 */
final class SequenceDot {
  static final int LANE_PT = 170;
  static final int STEP_PT = 24;
  static final int TOP_PT = 30;
  static final int TICK_ROWS = 10;

  private SequenceDot() {}

  /** The DOT text for {@code seq}; pure, so golden files can pin it. */
  static String dot(MessageSequence seq) {
    TreeMap<Long, Integer> rank = ranks(seq);
    int bottom = TOP_PT + (rank.size() + 1) * STEP_PT;
    StringBuilder b = new StringBuilder("digraph sequence {\n")
        .append("  graph [layout=neato, inputscale=72, splines=line, overlap=true, outputorder=edgesfirst, pad=0.2];\n")
        .append("  node [shape=point, width=0.06, color=\"#1d232b\", fontname=\"Helvetica\", fontsize=10];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.6, penwidth=1.2];\n");
    for (int i = 0; i < seq.lanes().size(); i++) {
      b.append("  lane").append(i).append(" [shape=box, style=\"rounded,filled\", fillcolor=\"#2b6cb0\", fontcolor=white, ")
          .append("width=0, height=0.3, margin=\"0.12,0.04\", label=").append(DotText.q(seq.lanes().get(i)))
          .append(", pos=\"").append(i * LANE_PT).append(",0!\"];\n  end").append(i).append(" [width=0.01, pos=\"")
          .append(i * LANE_PT).append(',').append(-bottom).append("!\"];\n  lane").append(i).append(" -> end").append(i)
          .append(" [dir=none, color=\"#c8ced6\", penwidth=1.5];\n");
    }
    for (int k = 0; k < seq.messages().size(); k++) {
      arrow(b, k, seq, rank, bottom);
    }
    ticks(b, rank);
    return b.append("}\n").toString();
  }

  /** The time of every {@link #TICK_ROWS}th row, left of the lanes. */
  private static void ticks(StringBuilder b, TreeMap<Long, Integer> rank) {
    rank.forEach((t, r) -> {
      if (r % TICK_ROWS == 0) {
        b.append("  tick").append(r).append(" [shape=plaintext, width=0, height=0, margin=0, fontsize=8, ")
            .append("fontcolor=\"#5b6673\", label=").append(DotText.q(atTime(t))).append(", pos=\"")
            .append(-LANE_PT / 2).append(',').append(y(rank, t)).append("!\"];\n");
      }
    });
  }

  /** Each distinct send or end time, in order, to its row. */
  private static TreeMap<Long, Integer> ranks(MessageSequence seq) {
    TreeMap<Long, Integer> rank = new TreeMap<>();
    for (Arrow a : seq.messages()) {
      rank.put(a.sendNanos(), 0);
      if (a.endNanos() >= 0) {
        rank.put(a.endNanos(), 0);
      }
    }
    int r = 0;
    for (Long t : rank.keySet()) {
      rank.put(t, r++);
    }
    return rank;
  }

  private static int y(TreeMap<Long, Integer> rank, long t) {
    return -(TOP_PT + (rank.get(t) + 1) * STEP_PT);
  }

  private static void arrow(StringBuilder b, int k, MessageSequence seq, TreeMap<Long, Integer> rank, int bottom) {
    Arrow a = seq.messages().get(k);
    int x0 = a.from() * LANE_PT;
    int x1 = a.to() * LANE_PT;
    int y0 = y(rank, a.sendNanos());
    b.append("  s").append(k).append(" [pos=\"").append(x0).append(',').append(y0).append("!\", tooltip=")
        .append(DotText.q(atTime(a.sendNanos()))).append("];\n");
    String color = color(a.family());
    String tooltip = a.label() + ", sent " + atTime(a.sendNanos()) + (a.endNanos() < 0 ? ", still in flight"
        : (a.fate() == Fate.DROPPED ? ", dropped " : ", delivered ") + atTime(a.endNanos()));
    if (a.fate() == Fate.DROPPED) {
      // The cross sits most of the way to the receiver, a row lower when it was dropped as it was sent.
      int y1 = Math.min(y(rank, a.endNanos()), y0 - STEP_PT / 2);
      b.append("  d").append(k).append(" [shape=plaintext, width=0, height=0, margin=0, fontsize=13, fontcolor=\"#d0463f\", ")
          .append("label=\"✕\", pos=\"").append(DotText.pt(x0 + (x1 - x0) * 0.8)).append(',').append(y1).append("!\"];\n")
          .append("  s").append(k).append(" -> d").append(k).append(" [arrowhead=none, style=dashed, color=\"#d0463f\", ")
          .append("fontcolor=\"#d0463f\", label=").append(DotText.q(a.label() + " → " + seq.lanes().get(a.to())))
          .append(", tooltip=")
          .append(DotText.q(tooltip)).append("];\n");
      return;
    }
    int y1 = a.endNanos() < 0 ? -bottom : y(rank, a.endNanos());
    b.append("  r").append(k).append(" [pos=\"").append(x1).append(',').append(y1).append("!\"];\n  s").append(k)
        .append(" -> r").append(k).append(" [color=").append(color).append(", fontcolor=").append(color)
        .append(a.endNanos() < 0 ? ", style=dotted" : "").append(", label=").append(DotText.q(a.label()))
        .append(", tooltip=").append(DotText.q(tooltip)).append("];\n");
  }

  private static String atTime(long nanos) {
    return String.format(Locale.ROOT, "t=%.6f s", nanos / 1e9);
  }

  /** Client traffic blue, elections purple, heartbeats light, the rest dark. */
  static String color(MessageLabel.Family family) {
    return switch (family) {
      case CLIENT -> "\"#2456b8\"";
      case ELECTION -> "\"#7b1fa2\"";
      case HEARTBEAT -> "\"#9aa3ad\"";
      case REPLICATION -> "\"#1d232b\"";
    };
  }

}
