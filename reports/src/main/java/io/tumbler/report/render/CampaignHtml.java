package io.tumbler.report.render;

import io.tumbler.report.view.CampaignView;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The campaign report page: the verdict, seeds per scenario and bug flags, speed, and every failing seed
 * with a link to its run report, its fingerprint and the commands that replay and shrink it.
 */
public final class CampaignHtml {
  private CampaignHtml() {}

  /** The page; {@code links} gives each failure's run report link relative to the page, or empty. */
  public static String render(CampaignView view, Function<CampaignView.Failure, String> links) {
    StringBuilder b = new StringBuilder("<header class=\"card\" id=\"summary\">\n<div class=\"sub\">Tumbler campaign report</div>\n");
    b.append("<h1>").append(view.total().runs()).append(" seeds <span class=\"badge verdict-big ")
        .append(view.worstOutcome().toLowerCase(Locale.ROOT)).append("\" id=\"outcome\">").append(view.worstOutcome())
        .append("</span></h1>\n");
    b.append("<p class=\"story").append(view.failures().isEmpty() ? " good" : "").append("\" id=\"story\">")
        .append(Markup.esc(story(view))).append("</p>\n");
    b.append(groups(view)).append("</header>\n");
    b.append(failures(view, links));
    b.append(CampaignSeedsHtml.faultKinds(view.seeds()));
    b.append(coverage(view));
    b.append(CampaignSeedsHtml.seeds(view.seeds()));
    b.append(notes(view));
    return Page.wrap("Tumbler campaign — " + view.worstOutcome(), b.toString());
  }

  private static String story(CampaignView view) {
    String notRun = view.seeds().notRunCount() == 0 ? ""
        : " " + view.seeds().notRunCount() + " seeds asked for were not run (stopped early or interrupted): "
            + String.join("; ", view.seeds().notRun()) + ".";
    if (view.failures().isEmpty()) {
      return "All " + view.total().runs() + " seeds passed every check. " + speed(view) + notRun;
    }
    return view.failures().size() + " of " + view.total().runs() + " seeds failed. " + speed(view) + notRun
        + " Each failure below has the one line that reproduces it and a link to its full run report.";
  }

  /** How fast the campaign went, saying which part of it the figure covers. */
  static String speed(CampaignView view) {
    if (view.wallSeconds() <= 0) {
      return "Speed unknown: no summary.json with a wall time.";
    }
    if (view.timedRuns() == 0) {
      return "Speed unknown: every seed was resumed from an earlier run, none ran in the timed campaign.";
    }
    String part = view.timedRuns() == view.total().runs() ? view.timedRuns() + " seeds"
        : view.timedRuns() + " of the " + view.total().runs() + " seeds (those run, not resumed, by a campaign "
            + "that wrote summary.json)";
    return String.format(Locale.ROOT, "%s in %.2f s of wall time: %.2f seeds/s.", part, view.wallSeconds(),
        view.seedsPerSecond());
  }

  private static String groups(CampaignView view) {
    StringBuilder b = new StringBuilder("<table id=\"groups\"><tr><th>scenario</th><th>bug flags</th>")
        .append("<th class=\"num\">runs</th><th class=\"num\">passed</th><th class=\"num\">violations</th>")
        .append("<th class=\"num\">liveness failures</th><th class=\"num\">errors</th></tr>\n");
    view.groups().forEach(g -> b.append(groupRow(g)));
    if (view.groups().size() > 1) {
      b.append(groupRow(view.total()));
    }
    b.append("</table>\n<p class=\"sub\">Sources: ");
    view.sources().forEach(s -> b.append("<code>").append(Markup.esc(s.toString())).append("</code> "));
    return b.append("</p>\n").toString();
  }

  private static String groupRow(CampaignView.Group g) {
    return "<tr><td>" + Markup.esc(g.scenario()) + "</td><td>" + Markup.esc(g.bugs().isEmpty() ? "none" : String.join(", ", g.bugs()))
        + "</td><td class=\"num\">" + g.runs() + "</td><td class=\"num\">" + g.count("PASS") + "</td><td class=\"num\">"
        + g.count("VIOLATION") + "</td><td class=\"num\">" + g.count("LIVENESS") + "</td><td class=\"num\">"
        + g.count("ERROR") + "</td></tr>\n";
  }

  private static String failures(CampaignView view, Function<CampaignView.Failure, String> links) {
    if (view.failures().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section id=\"failures\">\n<h2>Failures</h2>\n");
    int n = 0;
    for (CampaignView.Failure f : view.failures()) {
      String link = links.apply(f);
      b.append("<div class=\"failure\">\n<h3>").append(Markup.esc(f.scenario())).append(" · seed ").append(f.seed())
          .append(' ').append(Page.badge(f.outcome())).append(f.bugs().isEmpty() ? "" : " bugs: " + Markup.esc(String.join(", ", f.bugs())))
          .append("</h3>\n<p>Failed checks: <b>").append(Markup.esc(String.join(", ", f.violated()))).append("</b> · fingerprint <code>")
          .append(Markup.esc(f.fingerprint())).append("</code> · ")
          .append(link.isEmpty() ? "no run directory kept" : "<a href=\"" + Markup.esc(link) + "\">run report</a>")
          .append("</p>\n").append(Page.command("replay-" + n, f.replay())).append(Page.command("shrink-" + n, f.shrink()))
          .append("</div>\n");
      n++;
    }
    return b.append("</section>\n").toString();
  }

  /** Each counted path with the runs that reached it and its hits; the paths never reached are flagged. */
  static String coverage(CampaignView view) {
    if (view.coverage().isEmpty()) {
      return "";
    }
    List<String> never = view.neverReached();
    StringBuilder b = new StringBuilder("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"story")
        .append(never.isEmpty() ? " good" : "").append("\" id=\"coverage-story\">")
        .append(Markup.esc(never.isEmpty() ? "Every one of the " + view.coverage().size() + " counted paths was reached."
            : never.size() + " of the " + view.coverage().size() + " counted paths were never reached: "
                + String.join(", ", never) + "."))
        .append("</p>\n<table id=\"coverage-table\"><tr><th>path</th><th class=\"num\">runs that reached it</th>")
        .append("<th class=\"num\">total hits</th></tr>\n");
    for (CampaignView.PathCoverage p : view.coverage()) {
      b.append(p.neverReached() ? "<tr class=\"never\">" : "<tr>").append("<td><code>").append(Markup.esc(p.path()))
          .append("</code>").append(p.neverReached() ? " " + Page.badge("never reached") : "")
          .append("</td><td class=\"num\">").append(p.runsReached()).append(" of ").append(p.runsCounted())
          .append("</td><td class=\"num\">").append(p.hits()).append("</td></tr>\n");
    }
    return b.append("</table>\n</section>\n").toString();
  }

  private static String notes(CampaignView view) {
    StringBuilder b = new StringBuilder("<section id=\"notes\">\n<h2>Notes on the input</h2>\n");
    if (view.notes().isEmpty()) {
      b.append("<p class=\"sub\">Every campaign file was present and readable.</p>\n");
    } else {
      b.append("<ul class=\"notes\">\n");
      view.notes().forEach(x -> b.append("<li>").append(Markup.esc(x)).append("</li>\n"));
      b.append("</ul>\n");
    }
    return b.append("<footer>Made by <code>tumbler report</code>.</footer>\n</section>\n").toString();
  }
}
