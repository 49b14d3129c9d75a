package io.tumbler.report.render;

import io.tumbler.runformat.LinearizabilityRecord;

/** The linearizability verdict per partition (P-compositionality: each key is checked on its own). */
final class PartitionTable {
  private PartitionTable() {}

  static String render(LinearizabilityRecord lin) {
    if (lin.missing()) {
      return "<p class=\"sub\">No linearizability.json: per-partition verdicts are not available.</p>\n";
    }
    StringBuilder b = new StringBuilder("<h3 id=\"partitions\">Linearizability (model ")
        .append(Markup.esc(lin.model() == null ? "?" : lin.model())).append("): ").append(Page.badge(lin.verdict()))
        .append(" in ").append(Markup.millis(lin.millis())).append(" ms, ")
        .append(lin.configurations()).append(" configurations explored</h3>\n");
    if (lin.cause() != null) {
      b.append("<p>Unknown because of <b>").append(Markup.esc(lin.cause())).append("</b>: ")
          .append(Markup.esc(String.valueOf(lin.detail()))).append("</p>\n");
    }
    b.append("<table><tr><th>partition</th><th class=\"num\">calls</th><th>verdict</th>")
        .append("<th class=\"num\">configurations</th><th class=\"num\">time (ms)</th></tr>\n");
    for (LinearizabilityRecord.Partition p : lin.partitions()) {
      b.append("<tr class=\"partition\"><td>").append(Markup.esc(String.valueOf(p.label())))
          .append("</td><td class=\"num\">").append(p.calls()).append("</td><td>")
          .append(Page.badge(p.verdict() == null ? "?" : p.verdict())).append("</td><td class=\"num\">")
          .append(p.configurations()).append("</td><td class=\"num\">").append(Markup.millis(p.millis()))
          .append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }
}
