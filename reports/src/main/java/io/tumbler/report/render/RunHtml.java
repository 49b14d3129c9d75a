package io.tumbler.report.render;

import io.tumbler.report.view.CheckRow;
import io.tumbler.report.view.FaultGroup;
import io.tumbler.report.view.FaultGroups;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.MessageSequence;
import io.tumbler.report.view.OpWords;
import io.tumbler.report.view.RunHeader;
import io.tumbler.report.view.RunView;
import java.util.List;
import java.util.Set;

/**
 * The run report: one self-contained HTML page that says, top to bottom, what ran, whether it passed and if
 * not what went wrong in one paragraph, the line that reproduces it, every check's verdict, the timeline,
 * the counterexample or safety violation in detail, the faults, and what was missing from the input.
 */
public final class RunHtml {
  /** Lines of a check's details shown in the verdict table; a buggy run can have a hundred. */
  static final int DETAILS_SHOWN = 4;

  private RunHtml() {}

  /** The page for {@code view}, its diagrams drawn by the JVM's Graphviz engine (started only if needed). */
  public static String render(RunView view) {
    boolean needed = !view.counterexamples().isEmpty() || !view.safety().isEmpty() || hasConnectivity(view);
    return render(view, needed ? GraphvizRenderer.shared() : GraphvizRenderer.off("no diagram to draw"));
  }

  /** Whether a fault window gets a connectivity diagram. */
  private static boolean hasConnectivity(RunView view) {
    return view.faults().stream()
        .anyMatch(ClusterLinks::shapesCluster);
  }

  /** The page for {@code view}, its diagrams drawn by {@code graphviz} (or not, when it has no engine). */
  public static String render(RunView view, GraphvizRenderer graphviz) {
    RunHeader h = view.header();
    StringBuilder b = new StringBuilder();
    b.append(header(view));
    b.append(verdicts(view));
    b.append(timeline(view));
    b.append(plots(view));
    b.append(MetricsPlot.section(view));
    for (int i = 0; i < view.counterexamples().size(); i++) {
      String section = CounterexampleHtml.render(view.counterexamples().get(i), i, view, graphviz);
      b.append(i == 0 ? section : "<details class=\"more\"><summary>Counterexample in "
          + Markup.esc(view.counterexamples().get(i).partition()) + " (the same kind of failure, another partition)"
          + "</summary>\n" + section + "</details>\n");
    }
    for (int i = 0; i < Math.min(view.safety().size(), SafetyHtml.IN_FULL); i++) {
      b.append(SafetyHtml.render(view.safety().get(i), i));
    }
    b.append(SafetyHtml.rest(view.safety()));
    if (!view.counterexamples().isEmpty() || !view.safety().isEmpty()) {
      b.append(SequenceHtml.render(MessageSequence.of(view), graphviz));
    }
    b.append(faults(view, connectivity(view, graphviz)));
    b.append(notes(view, graphviz));
    return Page.wrap("Tumbler: " + h.scenario() + " seed " + h.seed() + " — " + h.outcome(), b.toString());
  }

  private static String header(RunView view) {
    RunHeader h = view.header();
    StringBuilder b = new StringBuilder("<header class=\"card\" id=\"summary\">\n");
    b.append("<div class=\"sub\">Tumbler run report</div>\n<h1>").append(Markup.esc(h.scenario())).append(" · seed ")
        .append(h.seed()).append(" <span class=\"badge verdict-big ").append(Markup.esc(h.outcome().toLowerCase()))
        .append("\" id=\"outcome\">").append(Markup.esc(h.outcome())).append("</span></h1>\n");
    String story = Story.of(view);
    boolean bad = !"PASS".equals(h.outcome());
    b.append("<p class=\"story").append(bad ? "" : " good").append("\" id=\"story\">").append(Markup.esc(story))
        .append("</p>\n");
    boolean real = RealClusterFacts.applies(view);
    b.append(real ? "<h3>Run it again (real processes: the same faults and operations, not the same run)</h3>\n"
        : "<h3>Reproduce this run exactly</h3>\n").append(Page.command("replay", h.replay()));
    if (bad && !real) {
      b.append("<h3>Shrink it to the smallest failing schedule</h3>\n").append(Page.command("shrink", h.shrink()));
    }
    b.append(real ? RealClusterFacts.table(view) : facts(h, view));
    return b.append("</header>\n").toString();
  }

  private static String facts(RunHeader h, RunView view) {
    StringBuilder b = new StringBuilder("<table class=\"facts\">\n");
    row(b, "scenario", h.scenario());
    row(b, "seed", Long.toString(h.seed()));
    row(b, "bug flags", h.bugs().isEmpty() ? "none (production code)" : String.join(", ", h.bugs()));
    row(b, "commit", h.commit());
    row(b, "fingerprint", h.fingerprint() + "  (the same seed and code always give this fingerprint)");
    if (!h.expectation().isEmpty()) {
      row(b, "expectation", h.expectation());
    }
    row(b, "model", h.model());
    row(b, "simulated time", String.format(java.util.Locale.ROOT, "%.3f s", h.simulatedMillis() / 1000.0));
    row(b, "wall time", h.wallMillis() + " ms");
    row(b, "simulator events", Long.toString(h.events()));
    row(b, "operations", view.history().ops().size() + " (" + view.history().count(io.tumbler.report.view.OpOutcome.OK)
        + " ok, " + view.history().count(io.tumbler.report.view.OpOutcome.FAIL) + " fail, "
        + view.history().count(io.tumbler.report.view.OpOutcome.INFO) + " info, "
        + view.history().count(io.tumbler.report.view.OpOutcome.PENDING) + " pending)");
    row(b, "run directory", view.files().dir().toString());
    return b.append("</table>\n").toString();
  }

  static void row(StringBuilder b, String name, String value) {
    b.append("<tr><td>").append(Markup.esc(name)).append("</td><td class=\"mono\">").append(Markup.esc(value))
        .append("</td></tr>\n");
  }

  private static String verdicts(RunView view) {
    StringBuilder b = new StringBuilder("<section id=\"verdicts\">\n<h2>Verdicts</h2>\n");
    if (view.checks().isEmpty()) {
      b.append("<p class=\"sub\">No verdicts: checks.json is missing or empty.</p>\n");
    } else {
      b.append("<table><tr><th>check</th><th>verdict</th><th class=\"num\">time (ms)</th><th>details</th></tr>\n");
      for (CheckRow c : view.checks()) {
        b.append("<tr class=\"check\" data-check=\"").append(Markup.esc(c.check())).append("\"><td>")
            .append(Markup.esc(c.check())).append("</td><td>").append(Page.badge(c.verdict()))
            .append("</td><td class=\"num\">").append(Markup.millis(c.millis())).append("</td><td>")
            .append(details(c.details())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append(PartitionTable.render(view.files().linearizability()));
    return b.append("</section>\n").toString();
  }

  private static String details(List<String> details) {
    if (details.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String d : details.subList(0, Math.min(details.size(), DETAILS_SHOWN))) {
      b.append("<div class=\"mono\">").append(Markup.esc(d)).append("</div>");
    }
    if (details.size() > DETAILS_SHOWN) {
      b.append("<div class=\"sub\">and ").append(details.size() - DETAILS_SHOWN)
          .append(" more, listed in the sections below and in checks.json</div>");
    }
    return b.toString();
  }

  private static String timeline(RunView view) {
    StringBuilder b = new StringBuilder("<section id=\"timeline-section\">\n<h2>History timeline</h2>\n");
    if (view.history().ops().isEmpty()) {
      return b.append("<p class=\"sub\">No client operations to draw (history.jsonl is missing or empty).</p>\n")
          .append("</section>\n").toString();
    }
    long end = Math.max(view.history().horizonNanos(), view.header().simulatedMillis() * 1_000_000);
    Set<Long> marked = TimelineMarks.of(view);
    TimelineSpec spec = new TimelineSpec("timeline", view.history().ops(), view.history().processes(), view.faults(),
        view.leaders(), 0, end, marked);
    b.append(Legend.html(view.history().ops().size() > TimelineSvg.DETAIL_LIMIT));
    b.append(Legend.controls("timeline"));
    b.append("<div class=\"timeline-wrap\">").append(TimelineSvg.render(spec)).append("</div>\n");
    return b.append("</section>\n").toString();
  }

  private static String plots(RunView view) {
    long end = Math.max(view.history().horizonNanos(), view.header().simulatedMillis() * 1_000_000);
    String latency;
    String throughput;
    try {
      latency = LatencyPlot.render(view.history().ops(), view.faults(), end);
      throughput = ThroughputPlot.render(view.history().ops(), view.faults(), end);
    } catch (RuntimeException | LinkageError | java.awt.AWTError | InternalError e) {
      // XChart measures text with AWT fonts; a JVM without fontconfig or any font fails here. The report
      // matters more than its plots, so say what happened instead of losing the page.
      return "<section id=\"plots\">\n<h2>Latency and throughput</h2>\n<p class=\"sub\">The plots could not be "
          + "drawn on this machine (" + Markup.esc(String.valueOf(e)) + "); install fontconfig and a font "
          + "(e.g. Debian's fonts-dejavu-core).</p>\n" + placement(view) + "</section>\n";
    }
    if (latency.isEmpty() && throughput.isEmpty()) {
      return "";
    }
    return "<section id=\"plots\">\n<h2>Latency and throughput</h2>\n<p class=\"sub\">Fault windows are shaded "
        + "in their kind's colour, as on the timeline (clock skews are left out: they last until the final heal).</p>\n<div class=\"plot-wrap\">" + latency
        + "</div>\n<div class=\"plot-wrap\">" + throughput + "</div>\n" + placement(view) + "</section>\n";
  }

  private static String placement(RunView view) {
    String svg = VmPlacementSvg.render(view.files().history());
    return svg.isEmpty() ? "" : "<h3>VM placement at the end of the run</h3>\n<p class=\"sub\">As the clients last "
        + "saw it: each host's last get-host (capacity, reserved bar below) and each VM's last get-vm (blocks sized "
        + "by vCPUs: green running, grey stopped). Observations are from different moments.</p>\n"
        + "<div class=\"plot-wrap\">" + svg + "</div>\n";
  }

  /** Graphviz's drawings (neato, nodes pinned on a circle) when an engine runs, else our own SVG circles. */
  private static String connectivity(RunView view, GraphvizRenderer graphviz) {
    if (!graphviz.available()) {
      return ConnectivitySvg.render(view.faults(), view.files().journal());
    }
    return ConnectivityDot.render(view.faults(), ConnectivitySvg.nodesOf(view.faults(), view.files().journal()), graphviz);
  }

  private static String faults(RunView view, String connectivity) {
    List<FaultWindow> faults = view.faults();
    StringBuilder b = new StringBuilder("<section id=\"faults\">\n<h2>Faults</h2>\n");
    if (faults.isEmpty()) {
      return b.append("<p class=\"sub\">No faults were applied (or checks.json is missing).</p>\n</section>\n")
          .toString();
    }
    List<FaultGroup> groups = FaultGroups.of(faults);
    b.append("<p class=\"sub\">").append(faults.size()).append(" fault windows of ").append(groups.size())
        .append(" distinct faults: one row per fault and target, a tick per time it was applied.</p>\n")
        .append(FaultTable.render(groups, end(view)));
    if (!connectivity.isEmpty()) {
      b.append("<h3>Cluster connectivity, one diagram per distinct shape</h3>\n<p class=\"sub\">Grey: messages "
          + "flow both ways; red dashed: dropped both ways; arrow: only that direction works; grey node: crashed or "
          + "paused. Each diagram lists the windows during which the cluster had that shape.</p>\n")
          .append(connectivity);
    }
    return b.append("</section>\n").toString();
  }

  /** The run's last moment: its simulated time or its last history event, whichever is later. */
  private static long end(RunView view) {
    return Math.max(view.history().horizonNanos(), view.header().simulatedMillis() * 1_000_000);
  }

  private static String notes(RunView view, GraphvizRenderer graphviz) {
    StringBuilder b = new StringBuilder("<section id=\"notes\">\n<h2>Notes on the input</h2>\n");
    if (view.notes().isEmpty()) {
      b.append("<p class=\"sub\">Every file of the run directory was present and readable.</p>\n");
    } else {
      b.append("<ul class=\"notes\">\n");
      view.notes().forEach(n -> b.append("<li>").append(Markup.esc(n)).append("</li>\n"));
      b.append("</ul>\n");
    }
    if (view.files().hasTrace()) {
      b.append("<p class=\"sub\">trace.jsonl (the simulator's full event trace) is in the run directory; only the "
          + "messages of the failure window are drawn here.</p>\n");
    }
    b.append("<p class=\"small-print\" id=\"diagram-engine\">Diagrams drawn by: ").append(Markup.esc(graphviz.describe()))
        .append(graphviz.available() || !hasConnectivity(view) ? "" : "; cluster connectivity drawn by Tumbler's own SVG")
        .append(".</p>\n");
    return b.append("<footer>Made by <code>tumbler report</code> from the files of ")
        .append(Markup.esc(view.files().dir().toString())).append(".</footer>\n</section>\n").toString();
  }
}
