package io.tumbler.report.render;

import io.tumbler.report.view.Counterexample;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.HistoryOp;
import io.tumbler.report.view.LeaderTerm;
import io.tumbler.report.view.ObservedWrite;
import io.tumbler.report.view.OpWords;
import io.tumbler.report.view.RunView;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A linearizability counterexample section: the plain sentence, a zoomed timeline and a table of the
 * failing sub-history, the longest linearizable prefixes with their model states, and the final paths.
 */
final class CounterexampleHtml {
  private CounterexampleHtml() {}

  /** How many counterexamples get a model-state diagram; the others keep the text list. */
  static final int DIAGRAMS = 3;

  static String render(Counterexample cx, int number, RunView view, GraphvizRenderer graphviz) {
    String id = "counterexample-" + number;
    StringBuilder b = new StringBuilder("<section class=\"counterexample\" id=\"").append(id).append("\">\n");
    b.append("<h2>Linearizability counterexample").append(cx.partition().isEmpty() ? "" : " in " + Markup.esc(cx.partition()))
        .append("</h2>\n<p class=\"story\">").append(Markup.esc(cx.sentence())).append("</p>\n");
    ObservedWrite.of(cx.failing(), view.history(), view.files().history()).ifPresent(o -> b
        .append("<p class=\"observed\" id=\"").append(id).append("-observed\">").append(Markup.esc(o.sentence()))
        .append("</p>\n"));
    b.append("<p class=\"sub\">The checker's words: <code>").append(Markup.esc(cx.explanation())).append("</code></p>\n");
    long from = cx.around().stream().mapToLong(HistoryOp::invokeNanos).min().orElse(0);
    long to = cx.around().stream().mapToLong(o -> o.endNanos(view.history().horizonNanos())).max().orElse(from + 1);
    long pad = Math.max((to - from) / 20, 1000);
    b.append("<p><a href=\"#timeline\" data-zoom-to=\"timeline\" data-from=\"").append(from - pad).append("\" data-to=\"")
        .append(to + pad).append("\">Show this window in the full timeline</a></p>\n");
    b.append(miniTimeline(cx, id, view, from - pad, to + pad));
    b.append(subHistory(cx));
    b.append(prefixes(cx));
    b.append(paths(cx));
    if (!cx.finalPaths().isEmpty() && number < DIAGRAMS) {
      b.append("<h3>Model states along the longest linearization</h3>\n<p class=\"sub\">The last operation of the "
          + "longest linearizable prefix, the operations still pending, then the one that cannot be placed: each arrow "
          + "is an operation, each box the model state it leads to; the red box says why the last cannot be applied."
          + "</p>\n")
          .append(graphviz.draw(StatePathDot.dot(cx), GraphvizRenderer.Layout.DOT, id + "-states").html("states"));
    }
    return b.append("</section>\n").toString();
  }

  private static String miniTimeline(Counterexample cx, String id, RunView view, long from, long to) {
    Set<String> processes = new TreeSet<>(io.tumbler.report.view.History::compareProcesses);
    cx.around().forEach(o -> processes.add(o.process()));
    List<FaultWindow> faults = view.faults().stream().filter(f -> f.endNanos() >= from && f.startNanos() <= to).toList();
    List<LeaderTerm> leaders = view.leaders().stream().filter(l -> l.timeNanos() >= from && l.timeNanos() <= to).toList();
    Set<Long> marked = new TreeSet<>();
    marked.add(cx.failing().invokeIndex());
    cx.previousOk().ifPresent(p -> marked.add(p.invokeIndex()));
    TimelineSpec spec = new TimelineSpec(id + "-timeline", cx.around(), List.copyOf(processes), faults, leaders,
        from, to, marked);
    return "<h3>The operations around it (same partition)</h3>\n" + Legend.controls(id + "-timeline")
        + "<div class=\"timeline-wrap\">" + TimelineSvg.render(spec) + "</div>\n";
  }

  private static String subHistory(Counterexample cx) {
    StringBuilder b = new StringBuilder("<table class=\"subhistory\"><tr><th class=\"num\">#</th><th>process</th>")
        .append("<th>operation</th><th>outcome</th><th>invoked</th><th>completed</th><th></th></tr>\n");
    for (HistoryOp op : cx.around()) {
      boolean failing = op.equals(cx.failing());
      boolean previous = cx.previousOk().filter(op::equals).isPresent();
      b.append("<tr").append(failing ? " class=\"hl\"" : previous ? " class=\"prev\"" : "").append("><td class=\"num\">")
          .append(op.invokeIndex()).append("</td><td>").append(Markup.esc(op.process())).append("</td><td>")
          .append(Markup.esc(op.describe())).append("</td><td>").append(Page.badge(op.outcome().label()))
          .append("</td><td class=\"mono time\">").append(OpWords.seconds(op.invokeNanos())).append("</td><td class=\"mono time\">")
          .append(op.completeNanos() < 0 ? "never" : OpWords.seconds(op.completeNanos())).append("</td><td>")
          .append(failing ? "← cannot be placed" : previous ? "← last ok before it" : "").append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private static String prefixes(Counterexample cx) {
    StringBuilder b = new StringBuilder("<h3>Longest linearizable prefixes</h3>\n");
    if (cx.prefixes().isEmpty()) {
      return b.append("<p class=\"sub\">None recorded.</p>\n").toString();
    }
    b.append("<p class=\"sub\">The checker could order this many operations of the partition before getting stuck; "
        + "the last few of each ordering and the state they leave are shown.</p>\n<ol>\n");
    for (Counterexample.Prefix p : cx.prefixes()) {
      b.append("<li>").append(p.length()).append(" operations, leaving the model in <code>").append(Markup.esc(p.state()))
          .append("</code>; the last of them:<ol class=\"tail mono\" start=\"").append(p.length() - p.tail().size() + 1)
          .append("\">");
      p.tail().forEach(t -> b.append("<li>").append(Markup.esc(t)).append("</li>"));
      b.append("</ol></li>\n");
    }
    b.append("</ol>\n");
    if (!cx.reachableStates().isEmpty()) {
      b.append("<p>Possible model states at the failing operation: <code>")
          .append(Markup.esc(String.join(", ", cx.reachableStates()))).append("</code></p>\n");
    }
    return b.toString();
  }

  private static String paths(Counterexample cx) {
    if (cx.finalPaths().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h3>Final paths: what the checker tried next</h3>\n");
    int shown = Math.min(cx.finalPaths().size(), 6);
    for (int i = 0; i < shown; i++) {
      b.append("<ol class=\"steps\">\n");
      for (Counterexample.Step s : cx.finalPaths().get(i)) {
        b.append("<li").append(s.legal() ? "" : " class=\"illegal\"").append(">").append(Markup.esc(s.call()))
            .append(s.legal() ? " ⇒ <code>" + Markup.esc(s.state()) + "</code>" : " ✗ " + Markup.esc(s.state()))
            .append("</li>\n");
      }
      b.append("</ol>\n");
    }
    if (cx.finalPaths().size() > shown) {
      b.append("<p class=\"sub\">and ").append(cx.finalPaths().size() - shown).append(" more paths.</p>\n");
    }
    return b.toString();
  }
}
