package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;

/** The linearizability verdict per partition (P-compositionality: each key is checked on its own). */
final class PartitionTable {
  private PartitionTable() {}

  static String render(JsonNode lin) {
    if (!lin.isObject()) {
      return "<p class=\"sub\">No linearizability.json: per-partition verdicts are not available.</p>\n";
    }
    StringBuilder b = new StringBuilder("<h3 id=\"partitions\">Linearizability (model ")
        .append(Markup.esc(lin.path("model").asText("?"))).append("): ").append(Page.badge(lin.path("verdict").asText("?")))
        .append(" in ").append(Markup.millis(lin.path("millis").asDouble())).append(" ms, ")
        .append(lin.path("configurations").asLong()).append(" configurations explored</h3>\n");
    if (lin.has("cause")) {
      b.append("<p>Unknown because of <b>").append(Markup.esc(lin.path("cause").asText())).append("</b>: ")
          .append(Markup.esc(lin.path("detail").asText())).append("</p>\n");
    }
    b.append("<table><tr><th>partition</th><th class=\"num\">calls</th><th>verdict</th>")
        .append("<th class=\"num\">configurations</th><th class=\"num\">time (ms)</th></tr>\n");
    for (JsonNode p : lin.path("partitions")) {
      b.append("<tr class=\"partition\"><td>").append(Markup.esc(p.path("label").asText())).append("</td><td class=\"num\">")
          .append(p.path("calls").asLong()).append("</td><td>").append(Page.badge(p.path("verdict").asText("?")))
          .append("</td><td class=\"num\">").append(p.path("configurations").asLong()).append("</td><td class=\"num\">")
          .append(Markup.millis(p.path("millis").asDouble())).append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }
}
