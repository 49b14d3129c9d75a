package io.tumbler.report.view;

import io.tumbler.runformat.CampaignResult;
import io.tumbler.runformat.CampaignSummary;
import io.tumbler.runformat.RunRecord;
import java.util.function.Function;
import io.tumbler.report.input.CampaignFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a campaign report shows, merged across the given campaign directories: seeds run, passed and
 * failed per scenario and bug flags, speed, and each failing seed with its fingerprint, replay and shrink
 * commands and the run directory kept for it.
 *
 * @param sources the campaign directories
 * @param groups one row per (scenario, bug flags), in the order first seen
 * @param total the sum of all groups
 * @param wallSeconds the summed wall time of the campaigns that have a summary.json, 0 when none has
 * @param timedRuns the seeds run by those campaigns in that wall time, resumed ones not included (seeds per
 *                  second is {@code timedRuns / wallSeconds})
 * @param failures every seed that did not pass
 * @param notes what is missing or odd about the input
 * @param coverage each path the runs counted (their {@code coverage} objects), sorted by name; empty when no
 *     results line has coverage counters (files from before they were recorded)
 * @param seeds every seed's row, the fault kinds the runs applied and the seeds asked for that never ran
 */
public record CampaignView(
    List<Path> sources, List<Group> groups, Group total, double wallSeconds, int timedRuns, List<Failure> failures,
    List<String> notes, List<PathCoverage> coverage, CampaignSeeds seeds) {

  /** The outcomes a campaign counts, in report column order. */
  public static final List<String> OUTCOMES = List.of("PASS", "VIOLATION", "LIVENESS", "ERROR");

  /**
   * Seeds of one scenario under one set of bug flags.
   *
   * @param scenario the scenario ("all" for the total)
   * @param bugs the bug flags
   * @param runs how many seeds ran
   * @param counts seeds per outcome, keyed as {@link #OUTCOMES}
   */
  public record Group(String scenario, List<String> bugs, int runs, Map<String, Integer> counts) {
    public Group {
      bugs = List.copyOf(bugs);
      counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Seeds that ended with {@code outcome}. */
    public int count(String outcome) {
      return counts.getOrDefault(outcome, 0);
    }
  }

  /**
   * A seed that did not pass.
   *
   * @param scenario its scenario
   * @param seed its seed
   * @param bugs its bug flags
   * @param outcome VIOLATION, LIVENESS or ERROR
   * @param violated the checks that failed
   * @param fingerprint its trace fingerprint
   * @param replay the command that reproduces it
   * @param shrink the command that shrinks it
   * @param runDir the run directory kept for it, or null when none was found
   */
  public record Failure(String scenario, long seed, List<String> bugs, String outcome, List<String> violated,
      String fingerprint, String replay, String shrink, Path runDir) {
    public Failure {
      bugs = List.copyOf(bugs);
      violated = List.copyOf(violated);
    }
  }

  /**
   * One counted path summed over the campaign.
   *
   * @param path the counter's name, e.g. {@code snapshots-installed}
   * @param runsCounted runs whose results line counted this path (zero hits included)
   * @param runsReached runs that hit it at least once
   * @param hits the hits of all runs together
   */
  public record PathCoverage(String path, int runsCounted, int runsReached, long hits) {
    /** True if no run reached this path: what the campaign never exercised. */
    public boolean neverReached() {
      return hits == 0;
    }
  }

  public CampaignView {
    sources = List.copyOf(sources);
    groups = List.copyOf(groups);
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
    coverage = List.copyOf(coverage);
  }

  /** Derives the view from merged campaign files. */
  public static CampaignView of(CampaignFiles files) {
    Map<String, List<RunRecord>> byGroup = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    List<String> notes = new ArrayList<>(files.problems());
    for (int i = 0; i < files.results().size(); i++) {
      CampaignResult line = files.results().get(i);
      RunRecord r = line.run();
      byGroup.computeIfAbsent(or(r.scenario(), "?") + "\u0000" + r.bugs(), k -> new ArrayList<>()).add(r);
      if (!"PASS".equals(r.outcome())) {
        Failure f = failure(r, files.failureDirOf(i));
        failures.add(f);
        if (line.harnessError() != null) {
          notes.add("seed " + f.seed() + " of " + f.scenario() + ": harness error (a bug in Tumbler, not in the "
              + "system under test): " + line.harnessError() + "; reproduce: " + f.replay());
        } else if (f.runDir() == null) {
          notes.add("seed " + f.seed() + " of " + f.scenario() + ": its failure directory was not found; "
              + "replay the seed to recreate it");
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    byGroup.values().forEach(lines -> groups.add(group(or(lines.get(0).scenario(), "?"), lines.get(0).bugs(),
        lines)));
    double wall = 0;
    int timed = 0;
    for (int d = 0; d < files.dirs().size(); d++) {
      CampaignSummary summary = files.summaries().get(d);
      double seconds = summary.wallSeconds();
      if (seconds > 0) {
        Path dir = files.dirs().get(d);
        wall += seconds;
        // Seeds resumed from results.jsonl took none of that wall time: newer summaries say how many ran.
        timed += summary.executed() != null ? summary.executed()
            : (int) files.resultDirs().stream().filter(dir::equals).count();
      }
    }
    List<RunRecord> all = files.results().stream().map(CampaignResult::run).toList();
    return new CampaignView(files.dirs(), groups, group("all", List.of(), all), wall, timed, failures,
        notes, counters(all, RunRecord::coverage), CampaignSeeds.of(files));
  }

  /**
   * Sums a counter map of the runs ({@link RunRecord#coverage}, {@link RunRecord#faultTypes}), per counter name: runs
   * that counted it, runs that reached it (a count above zero), and the total.
   */
  static List<PathCoverage> counters(List<RunRecord> results, Function<RunRecord, Map<String, Long>> field) {
    Map<String, long[]> sums = new TreeMap<>(); // per name: runs counted, runs reached, hits
    for (RunRecord r : results) {
      field.apply(r).forEach((name, count) -> {
        long[] sum = sums.computeIfAbsent(name, k -> new long[3]);
        long hits = Math.max(0, count == null ? 0 : count);
        sum[0]++;
        sum[1] += hits > 0 ? 1 : 0;
        sum[2] += hits;
      });
    }
    List<PathCoverage> out = new ArrayList<>();
    sums.forEach((name, sum) -> out.add(new PathCoverage(name, (int) sum[0], (int) sum[1], sum[2])));
    return out;
  }

  /** The counted paths no run reached, by name. */
  public List<String> neverReached() {
    return coverage.stream().filter(PathCoverage::neverReached).map(PathCoverage::path).toList();
  }

  private static Group group(String scenario, List<String> bugs, List<RunRecord> lines) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    OUTCOMES.forEach(o -> counts.put(o, 0));
    for (RunRecord r : lines) {
      String outcome = or(r.outcome(), "ERROR");
      counts.merge(OUTCOMES.contains(outcome) ? outcome : "ERROR", 1, Integer::sum);
    }
    return new Group(scenario, bugs, lines.size(), counts);
  }

  private static Failure failure(RunRecord r, Path runDir) {
    String scenario = or(r.scenario(), "?");
    long seed = r.seed();
    List<String> bugs = r.bugs();
    String replay = or(r.replay(), RunHeader.replayOf(scenario, seed, bugs));
    return new Failure(scenario, seed, bugs, or(r.outcome(), "ERROR"), r.violated(), or(r.fingerprint(), "unknown"),
        replay, RunHeader.shrinkOf(replay, runDir, seed), runDir);
  }

  static String or(String value, String absent) {
    return value == null ? absent : value;
  }

  /** Seeds per second over the campaigns whose wall time is known, or 0 when none is. */
  public double seedsPerSecond() {
    return wallSeconds <= 0 ? 0 : timedRuns / wallSeconds;
  }

  /** The campaign's overall outcome: the worst of its seeds (ERROR > VIOLATION > LIVENESS > PASS). */
  public String worstOutcome() {
    for (String o : List.of("ERROR", "VIOLATION", "LIVENESS")) {
      if (total.count(o) > 0) {
        return o;
      }
    }
    return total.runs() == 0 ? "UNKNOWN" : "PASS";
  }
}
