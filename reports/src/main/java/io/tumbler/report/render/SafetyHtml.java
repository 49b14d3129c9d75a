package io.tumbler.report.render;

import io.tumbler.report.view.LogExcerpt;
import io.tumbler.report.view.NodeLogs;
import io.tumbler.report.view.OpWords;
import io.tumbler.report.view.SafetyProperties;
import io.tumbler.runformat.JournalLine;
import io.tumbler.runformat.SafetyFinding;

/**
 * A Raft safety violation section: the property in words, the involved nodes' logs side by side around the
 * index concerned (as rebuilt from the journal at the moment of detection), and the journal events around
 * the detecting event.
 */
final class SafetyHtml {
  private SafetyHtml() {}

  /** Violations drawn in full (logs side by side, journal events); the rest are one table row each. */
  static final int IN_FULL = 3;

  /**
   * The violations beyond the first {@value #IN_FULL} as one table, a row each: a buggy node can break the same
   * property a hundred times in a run, and a hundred full sections would bury the page.
   */
  static String rest(java.util.List<LogExcerpt> all) {
    if (all.size() <= IN_FULL) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section class=\"safety-rest\" id=\"safety-rest\">\n<h2>")
        .append(all.size() - IN_FULL).append(" more Raft safety violations</h2>\n<table><tr><th class=\"num\">")
        .append("journal event</th><th>property</th><th>nodes</th><th class=\"num\">term</th><th class=\"num\">")
        .append("index</th><th>detail</th></tr>\n");
    for (LogExcerpt x : all.subList(IN_FULL, all.size())) {
      SafetyFinding f = x.finding();
      b.append("<tr><td class=\"num\">#").append(f.eventNumber()).append("</td><td>").append(Markup.esc(f.property()))
          .append("</td><td>").append(Markup.esc(f.nodes().toString())).append("</td><td class=\"num\">")
          .append(f.term()).append("</td><td class=\"num\">").append(f.index()).append("</td><td class=\"mono\">")
          .append(Markup.esc(f.detail())).append("</td></tr>\n");
    }
    return b.append("</table>\n</section>\n").toString();
  }

  static String render(LogExcerpt x, int number) {
    SafetyFinding f = x.finding();
    StringBuilder b = new StringBuilder("<section class=\"safety\" id=\"safety-").append(number).append("\">\n");
    b.append("<h2>Raft safety violation: ").append(Markup.esc(f.property())).append("</h2>\n");
    b.append("<p class=\"story\">").append(Markup.esc(SafetyProperties.explain(f))).append(" Broken on nodes ")
        .append(Markup.esc(f.nodes().toString())).append(", term ").append(f.term()).append(", index ").append(f.index())
        .append(": ").append(Markup.esc(f.detail())).append("</p>\n");
    b.append("<div class=\"side\">\n<div>\n").append(logs(x)).append("</div>\n<div>\n").append(events(x))
        .append("</div>\n</div>\n");
    return b.append("</section>\n").toString();
  }

  private static String logs(LogExcerpt x) {
    StringBuilder b = new StringBuilder("<h3>The logs at journal event #").append(x.finding().eventNumber())
        .append("</h3>\n<table class=\"logs\"><tr><th class=\"num\">index</th>");
    x.nodes().forEach(n -> b.append("<th>n").append(n).append("</th>"));
    b.append("</tr>\n");
    for (int r = 0; r < x.indexes().size(); r++) {
      boolean conflict = x.conflicting().get(r);
      boolean focus = x.indexes().get(r) == x.finding().index();
      b.append("<tr").append(conflict ? " class=\"conflict\"" : focus ? " class=\"hl\"" : "").append("><td class=\"num\">")
          .append(x.indexes().get(r)).append(focus ? " ◀" : "").append("</td>");
      for (NodeLogs.Entry e : x.cells().get(r)) {
        b.append("<td class=\"mono").append(conflict && e != null ? " conflict-cell" : "").append("\">")
            .append(e == null ? "—" : "term " + e.term() + " · " + digest(e.digest())).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("<tr><td class=\"num sub\">commit</td>");
    x.commitIndexes().forEach(c -> b.append("<td class=\"mono sub\">").append(c).append("</td>"));
    b.append("</tr>\n</table>\n<p class=\"sub\">Each cell is the entry's term and checksum digest; "
        + "red rows hold different entries on different nodes.</p>\n");
    return b.toString();
  }

  static String digest(long digest) {
    // The low 32 bits are enough to tell entries apart by eye; the JSON keeps the whole digest.
    return String.format("%08x", digest & 0xffffffffL);
  }

  private static String events(LogExcerpt x) {
    StringBuilder b = new StringBuilder("<h3>Journal events around the detection</h3>\n<table class=\"journal\">")
        .append("<tr><th class=\"num\">#</th><th>time</th><th>node</th><th>event</th></tr>\n");
    for (int i = 0; i < x.events().size(); i++) {
      long number = x.firstEventNumber() + i;
      JournalLine e = x.events().get(i);
      b.append("<tr").append(number == x.finding().eventNumber() ? " class=\"hl\"" : "").append("><td class=\"num\">")
          .append(number).append("</td><td class=\"mono time\">").append(OpWords.seconds(e.timeNanos()))
          .append("</td><td>n").append(e.node()).append("</td><td class=\"mono\">")
          .append(Markup.esc(eventText(e))).append("</td></tr>\n");
    }
    if (x.events().isEmpty()) {
      b.append("<tr><td colspan=\"4\" class=\"sub\">journal.jsonl is missing or shorter than event #")
          .append(x.finding().eventNumber()).append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  /** The event's name and fields, without the ones already in their own columns. */
  static String eventText(JournalLine e) {
    StringBuilder b = new StringBuilder(e.event());
    e.fields().forEach((k, v) -> b.append(' ').append(k).append('=').append(OpWords.compact(v)));
    return b.toString();
  }
}
