package io.tumbler.report.render;

import io.tumbler.report.view.CampaignSeeds;

/**
 * The campaign page's sections about what ran: the fault kinds the runs applied (and the ones no run did), and the
 * table of every seed, failures first. A long campaign's table is cut at {@link #MAX_ROWS} rows (failures are
 * never cut) so the page stays small; the rest is in {@code results.jsonl}.
 */
final class CampaignSeedsHtml {
  /** Rows drawn in the seed table; at about 200 bytes a row, 2,000 rows keep the page well under 1 MB. */
  static final int MAX_ROWS = 2_000;

  private CampaignSeedsHtml() {}

  /** The fault kinds section, or nothing when no results line recorded fault kinds (files from before they were). */
  static String faultKinds(CampaignSeeds seeds) {
    if (seeds.faultKinds().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section id=\"fault-kinds\">\n<h2>Fault kinds exercised</h2>\n<p class=\"sub\">")
        .append(seeds.faultKinds().size()).append(" kinds of fault and heal were applied");
    if (!seeds.faultKindsNotApplied().isEmpty()) {
      b.append("; never applied by these runs: ").append(Markup.esc(String.join(", ", seeds.faultKindsNotApplied())))
          .append(" (scenarios draw only the kinds they ask for)");
    }
    b.append(".</p>\n<table id=\"fault-kinds-table\"><tr><th>fault kind</th><th class=\"num\">runs that applied it</th>")
        .append("<th class=\"num\">times applied</th></tr>\n");
    for (CampaignSeeds.KindUse k : seeds.faultKinds()) {
      b.append("<tr><td><code>").append(Markup.esc(k.kind())).append("</code></td><td class=\"num\">").append(k.runs())
          .append(" of ").append(seeds.rows().size()).append("</td><td class=\"num\">").append(k.applied())
          .append("</td></tr>\n");
    }
    return b.append("</table>\n</section>\n").toString();
  }

  /** Every seed, failures first, in a collapsed table. */
  static String seeds(CampaignSeeds seeds) {
    if (seeds.rows().isEmpty()) {
      return "";
    }
    int shown = Math.max(MAX_ROWS, (int) seeds.rows().stream().filter(r -> !"PASS".equals(r.outcome())).count());
    shown = Math.min(shown, seeds.rows().size());
    StringBuilder b = new StringBuilder("<section id=\"seeds\">\n<h2>Seeds</h2>\n<details")
        .append(seeds.rows().size() <= 50 ? " open" : "").append("><summary>")
        .append(shown == seeds.rows().size() ? "All " + shown + " seeds"
            : "The first " + shown + " of " + seeds.rows().size() + " seeds (failures first; every seed is in results.jsonl)")
        .append("</summary>\n<table id=\"seeds-table\"><tr><th>scenario</th><th class=\"num\">seed</th><th>outcome</th>")
        .append("<th>fingerprint</th><th class=\"num\">events</th><th class=\"num\">simulated ms</th>")
        .append("<th class=\"num\">wall ms</th><th class=\"num\">operations</th><th class=\"num\">faults</th></tr>\n");
    for (CampaignSeeds.SeedRow r : seeds.rows().subList(0, shown)) {
      b.append("<tr><td>").append(Markup.esc(r.scenario())).append(r.bugs().isEmpty() ? "" : " <small>"
              + Markup.esc(String.join(", ", r.bugs())) + "</small>").append("</td><td class=\"num\">").append(r.seed())
          .append("</td><td>").append("PASS".equals(r.outcome()) ? "pass" : Page.badge(r.outcome()))
          .append("</td><td><code>").append(Markup.esc(r.fingerprint())).append("</code></td><td class=\"num\">")
          .append(r.events()).append("</td><td class=\"num\">").append(r.simulatedMillis())
          .append("</td><td class=\"num\">").append(r.wallMillis()).append("</td><td class=\"num\">")
          .append(r.operations()).append("</td><td class=\"num\">").append(r.faults()).append("</td></tr>\n");
    }
    return b.append("</table>\n</details>\n</section>\n").toString();
  }
}
