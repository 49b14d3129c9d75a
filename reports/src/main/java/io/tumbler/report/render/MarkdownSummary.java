package io.tumbler.report.render;

import io.tumbler.report.view.CampaignView;
import io.tumbler.report.view.CheckRow;
import io.tumbler.report.view.RunHeader;
import io.tumbler.report.view.RunView;
import java.util.Locale;
import java.util.function.Function;

/** The Markdown summary, fit for a CI job summary ({@code $GITHUB_STEP_SUMMARY}) or a pull-request comment. */
public final class MarkdownSummary {
  private MarkdownSummary() {}

  /** The summary of one run. */
  public static String run(RunView view) {
    RunHeader h = view.header();
    StringBuilder b = new StringBuilder("# Tumbler run: ").append(h.scenario()).append(" seed ").append(h.seed())
        .append(" — ").append(h.outcome()).append("\n\n").append(Story.of(view)).append("\n\n");
    b.append("Reproduce:\n\n```\n").append(h.replay()).append("\n```\n\n");
    b.append("| check | verdict | ms | details |\n|---|---|---:|---|\n");
    for (CheckRow c : view.checks()) {
      b.append("| ").append(cell(c.check())).append(" | ").append(c.failed() ? "**" + c.verdict() + "**" : c.verdict())
          .append(" | ").append(Markup.millis(c.millis())).append(" | ")
          .append(cell(c.details().isEmpty() ? "" : c.details().get(0) + (c.details().size() > 1 ? " (+"
              + (c.details().size() - 1) + ")" : ""))).append(" |\n");
    }
    b.append("\nbugs: ").append(h.bugs().isEmpty() ? "none" : String.join(", ", h.bugs())).append(" · commit `")
        .append(h.commit()).append("` · fingerprint `").append(h.fingerprint()).append("`\n");
    notes(b, view.notes());
    return b.toString();
  }

  /** The summary of a campaign; {@code links} gives each failure's run report link, or empty. */
  public static String campaign(CampaignView view, Function<CampaignView.Failure, String> links) {
    StringBuilder b = new StringBuilder("# Tumbler campaign — ").append(view.worstOutcome()).append("\n\n");
    b.append("| scenario | bugs | runs | passed | violations | liveness failures | errors |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (CampaignView.Group g : view.groups()) {
      groupRow(b, g);
    }
    if (view.groups().size() > 1) {
      groupRow(b, view.total());
    }
    b.append('\n').append(CampaignHtml.speed(view)).append('\n');
    if (view.failures().isEmpty()) {
      b.append("\nEvery seed passed every check.\n");
    } else {
      b.append("\n## Failures\n\n| scenario | seed | outcome | checks | fingerprint | reproduce | report |\n")
          .append("|---|---:|---|---|---|---|---|\n");
      for (CampaignView.Failure f : view.failures()) {
        String link = links.apply(f);
        b.append("| ").append(cell(f.scenario())).append(" | ").append(f.seed()).append(" | ").append(f.outcome())
            .append(" | ").append(cell(String.join(", ", f.violated()))).append(" | `").append(f.fingerprint())
            .append("` | `").append(cell(f.replay())).append("` | ")
            .append(link.isEmpty() ? "—" : "[report](" + link + ")").append(" |\n");
      }
    }
    notes(b, view.notes());
    return b.toString();
  }

  private static void groupRow(StringBuilder b, CampaignView.Group g) {
    b.append("| ").append(cell(g.scenario())).append(" | ").append(g.bugs().isEmpty() ? "—" : cell(String.join(", ", g.bugs())))
        .append(" | ").append(g.runs()).append(" | ").append(g.count("PASS")).append(" | ").append(g.count("VIOLATION"))
        .append(" | ").append(g.count("LIVENESS")).append(" | ").append(g.count("ERROR")).append(" |\n");
  }

  private static void notes(StringBuilder b, java.util.List<String> notes) {
    if (!notes.isEmpty()) {
      b.append("\n**Notes on the input**\n\n");
      notes.forEach(n -> b.append("- ").append(n).append('\n'));
    }
  }

  /** Text safe inside a Markdown table cell. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
