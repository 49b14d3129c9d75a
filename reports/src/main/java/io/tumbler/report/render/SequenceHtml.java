package io.tumbler.report.render;

import io.tumbler.report.view.MessageSequence;
import io.tumbler.report.view.OpWords;

/** The section with the message-sequence diagram of the failure window, or a note saying why there is none. */
final class SequenceHtml {
  private SequenceHtml() {}

  static String render(MessageSequence seq, GraphvizRenderer graphviz) {
    StringBuilder b = new StringBuilder("<section id=\"sequence\">\n<h2>Messages in the failure window</h2>\n");
    if (!seq.note().isEmpty()) {
      return b.append("<p class=\"sub diagram-unavailable\">No message diagram: ").append(Markup.esc(seq.note()))
          .append(".</p>\n</section>\n").toString();
    }
    b.append("<p class=\"sub\">").append(Markup.esc(seq.title())).append(", ").append(OpWords.seconds(seq.fromNanos()))
        .append(" to ").append(OpWords.seconds(seq.toNanos())).append(": ").append(seq.messages().size())
        .append(" messages drawn, time flowing down (rows are distinct event times, not to scale). ");
    if (seq.leftOut() > 0) {
      b.append(seq.leftOut()).append(" more between these lanes left out (heartbeats and acknowledgements first, "
          + "those farthest from the failing moment first). ");
    }
    if (seq.otherProcesses() > 0) {
      b.append(seq.otherProcesses()).append(seq.otherProcesses() == 1 ? " message" : " messages")
          .append(" of other clients not drawn. ");
    }
    b.append("Blue: the client's requests and replies; purple: elections; red dashed ending in ✕: dropped; "
        + "dotted: still in flight.</p>\n");
    b.append(graphviz.draw(SequenceDot.dot(seq), GraphvizRenderer.Layout.NEATO, "sequence").html("sequence"));
    return b.append("</section>\n").toString();
  }
}
