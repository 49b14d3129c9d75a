package io.tumbler.report.view;

import io.tumbler.runformat.CampaignResult;
import io.tumbler.runformat.CampaignSummary;
import io.tumbler.runformat.RunRecord;
import io.tumbler.report.input.CampaignFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a campaign ran, seed by seed, and what it exercised: a row per seed (failures first, then by scenario and
 * seed), the fault kinds its runs applied (from each results line's {@code faultTypes}) beside the kinds the build
 * knows and no run applied, and the seeds asked for that never ran (a campaign stopped early or interrupted, from
 * each {@code summary.json}'s {@code notRun}).
 *
 * @param rows every seed, failures first
 * @param faultKinds each fault kind some run applied, by name
 * @param faultKindsNotApplied kinds the campaigns' build knows that no run applied, by name (empty when the
 *     summaries do not list the known kinds)
 * @param notRun per campaign directory with seeds not run, the directory and its seeds as ranges ("7..12")
 * @param notRunCount how many seeds were not run in all
 */
public record CampaignSeeds(List<SeedRow> rows, List<KindUse> faultKinds, List<String> faultKindsNotApplied,
    List<String> notRun, int notRunCount) {

  /** One seed as its results line recorded it. */
  public record SeedRow(String scenario, long seed, List<String> bugs, String outcome, String fingerprint,
      long events, long simulatedMillis, long wallMillis, int operations, int faults) {
    public SeedRow {
      bugs = List.copyOf(bugs);
    }
  }

  /**
   * One fault kind over the campaign.
   *
   * @param kind its schedule name ({@code crash}, {@code kill-leader}, {@code heal-network}...)
   * @param runs the runs that applied it at least once
   * @param applied how many times it was applied in all (done, not "nothing done")
   */
  public record KindUse(String kind, int runs, long applied) {}

  public CampaignSeeds {
    rows = List.copyOf(rows);
    faultKinds = List.copyOf(faultKinds);
    faultKindsNotApplied = List.copyOf(faultKindsNotApplied);
    notRun = List.copyOf(notRun);
  }

  /** Derives the seed table, fault kinds and seeds not run from the campaign files. */
  public static CampaignSeeds of(CampaignFiles files) {
    List<SeedRow> failing = new ArrayList<>();
    List<SeedRow> passing = new ArrayList<>();
    List<RunRecord> runs = files.results().stream().map(CampaignResult::run).toList();
    for (RunRecord r : runs) {
      SeedRow row = new SeedRow(CampaignView.or(r.scenario(), "?"), r.seed(), r.bugs(),
          CampaignView.or(r.outcome(), "ERROR"), CampaignView.or(r.fingerprint(), ""), r.events(), r.simulatedMillis(),
          r.wallMillis(), (int) r.operations(), (int) r.faults());
      ("PASS".equals(row.outcome()) ? passing : failing).add(row);
    }
    List<SeedRow> rows = new ArrayList<>(failing);
    rows.addAll(passing);
    List<KindUse> used = new ArrayList<>();
    for (CampaignView.PathCoverage k : CampaignView.counters(runs, RunRecord::faultTypes)) {
      if (k.runsReached() > 0) {
        used.add(new KindUse(k.path(), k.runsReached(), k.hits()));
      }
    }
    TreeSet<String> known = new TreeSet<>();
    List<String> notRun = new ArrayList<>();
    int notRunCount = 0;
    for (int d = 0; d < files.dirs().size(); d++) {
      CampaignSummary summary = files.summaries().get(d);
      known.addAll(summary.faultTypesKnown());
      int count = summary.notRunCount();
      if (count > 0) {
        List<String> ranges = summary.notRun();
        notRun.add(files.dirs().get(d) + ": " + String.join(", ", ranges));
        notRunCount += count;
      }
    }
    used.forEach(u -> known.remove(u.kind()));
    return new CampaignSeeds(rows, used, new ArrayList<>(known), notRun, notRunCount);
  }
}
