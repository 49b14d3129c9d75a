package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tumbler.scenario.coverage.CoverageTotals;
import io.tumbler.scenario.run.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The sum of a campaign, read back from its {@code results.jsonl} (so a resumed campaign sums every seed,
 * not only this process's, but only lines of the same campaign and build, see {@link ResultKey}): runs per
 * outcome, how many of them ran now and how many were resumed, seeds per second over the runs executed now
 * (a resumed seed took no time here, so counting it would make the rate a fiction), simulated-time acceleration, and each
 * failure with its replay command, and the coverage counters summed over the runs (runs that reached each
 * path, total hits, the paths never reached). Written as {@code summary.json} (through its run-format record,
 * {@link io.tumbler.runformat.CampaignSummary}) and {@code summary.md}.
 */
public final class CampaignSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String scenario;
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private final List<JsonNode> failures = new ArrayList<>();
  private final CoverageTotals coverage = new CoverageTotals();
  /** Fault kinds applied, summed like coverage: runs that applied each kind and how often in all. */
  private final CoverageTotals faultTypes = new CoverageTotals();
  /** Seeds asked for that have no result: the campaign stopped early (--stop-on-failure) or was interrupted. */
  private final List<Long> notRun = new ArrayList<>();
  private final double wallSeconds;
  private final long executed;
  private int runs;
  private int harnessErrors;
  private long simulatedMillis;
  private long runWallMillis;
  private long events;

  private CampaignSummary(String scenario, long executed, double wallSeconds) {
    this.scenario = scenario;
    this.executed = executed;
    this.wallSeconds = wallSeconds;
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
  }

  /**
   * Sums the lines of {@code results} that are {@code ours}, the first per seed of {@code seeds}; {@code executed}
   * of them ran in this process, in {@code wallSeconds}.
   */
  static CampaignSummary fromResults(Predicate<JsonNode> ours, String scenario, Path results, List<Long> seeds,
      long executed, double wallSeconds) throws IOException {
    CampaignSummary s = new CampaignSummary(scenario, executed, wallSeconds);
    Set<Long> wanted = new HashSet<>(seeds);
    Set<Long> seen = new HashSet<>();
    for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
      JsonNode n = parse(line);
      if (n == null || !ours.test(n)) {
        continue;
      }
      long seed = n.path("seed").asLong();
      if (wanted.contains(seed) && seen.add(seed)) {
        s.add(n);
      }
    }
    for (long seed : seeds) {
      if (!seen.contains(seed)) {
        s.notRun.add(seed);
      }
    }
    return s;
  }

  private static JsonNode parse(String line) {
    try {
      return line.isBlank() ? null : JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }

  private void add(JsonNode n) {
    runs++;
    Outcome o = Outcome.valueOf(n.path("outcome").asText());
    counts.merge(o, 1, Integer::sum);
    simulatedMillis += n.path("simulatedMillis").asLong();
    runWallMillis += n.path("wallMillis").asLong();
    events += n.path("events").asLong();
    coverage.add(coverageOf(n.path("coverage")));
    faultTypes.add(coverageOf(n.path("faultTypes")));
    if (o != Outcome.PASS) {
      failures.add(n);
    }
    if (n.hasNonNull("harnessError")) {
      harnessErrors++;
    }
  }

  /** Seeds whose run threw from Tumbler itself (counted among the errors; each is in results.jsonl). */
  public int harnessErrors() {
    return harnessErrors;
  }

  /** A results line's {@code coverage} object as name to count; empty when the line has none (older files). */
  static Map<String, Long> coverageOf(JsonNode counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  /** Seeds asked for that have no result (stopped early or interrupted), in the order asked. */
  public List<Long> notRun() {
    return List.copyOf(notRun);
  }

  /** The coverage counters summed over the campaign's runs. */
  public CoverageTotals coverage() {
    return coverage;
  }

  public Outcome worstOutcome() {
    Outcome worst = Outcome.PASS;
    for (JsonNode f : failures) {
      worst = worst.worse(Outcome.valueOf(f.path("outcome").asText()));
    }
    return worst;
  }

  public int runs() {
    return runs;
  }

  public int count(Outcome outcome) {
    return counts.get(outcome);
  }

  /** The runs executed by this process (the rest of {@link #runs()} were resumed from results.jsonl). */
  public long executed() {
    return executed;
  }

  /** The runs taken from results.jsonl, recorded earlier by this same campaign and build. */
  public long resumed() {
    return Math.max(0, runs - executed);
  }

  /** This process's wall time over the whole campaign, in seconds (unrounded). */
  public double wallSeconds() {
    return wallSeconds;
  }

  /** Runs executed per second of this process's wall time; 0 when nothing ran. */
  public double seedsPerSecond() {
    return wallSeconds <= 0 ? 0 : executed / wallSeconds;
  }

  /** {@code summary.json}: the run-format record of this summary. */
  public io.tumbler.runformat.CampaignSummary toRecord() {
    SortedMap<String, io.tumbler.runformat.CampaignSummary.PathTotal> paths = new TreeMap<>();
    coverage.totals().forEach((name, t) -> paths.put(name,
        new io.tumbler.runformat.CampaignSummary.PathTotal(t.runsReached(), t.hits())));
    SortedMap<String, io.tumbler.runformat.CampaignSummary.FaultTypeTotal> kinds = new TreeMap<>();
    faultTypes.totals().forEach((name, t) -> kinds.put(name,
        new io.tumbler.runformat.CampaignSummary.FaultTypeTotal(t.runsReached(), t.hits())));
    return new io.tumbler.runformat.CampaignSummary(io.tumbler.runformat.CampaignSummary.VERSION, scenario, runs,
        (int) executed, resumed(), count(Outcome.PASS), count(Outcome.VIOLATION), count(Outcome.LIVENESS),
        count(Outcome.ERROR), harnessErrors, Math.round(wallSeconds * 100) / 100.0,
        Math.round(seedsPerSecond() * 100) / 100.0, events, simulatedMillis / 1000.0,
        runWallMillis == 0 ? 0 : Math.round(10.0 * simulatedMillis / runWallMillis) / 10.0, failures,
        paths, coverage.neverReached(), kinds, io.tumbler.fault.FaultTypes.names(), notRun.size(),
        SeedRanges.of(notRun));
  }

  /** {@code summary.json}'s text, one line. */
  public String toJson() {
    return io.tumbler.runformat.RunFormatJson.line(toRecord());
  }

  public String toText(Path dir) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%s: %d runs — %d passed, %d violations, %d liveness failures, %d errors (%d harness "
        + "errors); %s%n", scenario, runs, count(Outcome.PASS), count(Outcome.VIOLATION),
        count(Outcome.LIVENESS), count(Outcome.ERROR), harnessErrors, pace()));
    for (JsonNode f : failures) {
      String where = f.hasNonNull("harnessError") ? "harness error: " + f.path("harnessError").asText()
          : f.path("failureDir").asText();
      b.append(String.format("  seed %d %s %s -> %s%n    reproduce: %s%n", f.path("seed").asLong(),
          f.path("outcome").asText(), f.path("violated"), where, f.path("replay").asText()));
    }
    b.append(notRunLine()).append(coverageLine()).append("report: ").append(dir.resolve("summary.md"));
    return b.toString();
  }

  /** The seeds asked for that did not run, compactly (nothing when every seed ran). */
  String notRunLine() {
    return notRun.isEmpty() ? "" : String.format("not run (%d seeds, stopped early or interrupted): %s%n",
        notRun.size(), String.join(", ", SeedRanges.of(notRun)));
  }

  /** How many seeds ran now and how fast, and how many were resumed. */
  String pace() {
    if (executed == 0) {
      return "nothing run now: " + (runs == 0 ? "no seed" : "all " + runs + " resumed from results.jsonl");
    }
    String rate = String.format(java.util.Locale.ROOT, "%.1f seeds/s", seedsPerSecond());
    return resumed() == 0 ? rate : executed + " run now at " + rate + ", " + resumed() + " resumed";
  }

  /** The paths no run reached, for the end of a campaign (nothing when no run counted coverage). */
  String coverageLine() {
    int counted = coverage.totals().size();
    List<String> never = coverage.neverReached();
    if (counted == 0) {
      return "";
    }
    if (never.isEmpty()) {
      return "coverage: all " + counted + " counted paths were reached\n";
    }
    return String.format("never reached (%d of %d counted paths): %s%n", never.size(), counted,
        String.join(", ", never));
  }

  /** The Markdown summary: fit for a CI job summary. */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Tumbler campaign: ").append(scenario).append("\n\n");
    b.append("| runs | passed | violations | liveness failures | errors | harness errors | seeds/s |\n"
        + "|---|---|---|---|---|---|---|\n");
    b.append(String.format("| %d | %d | %d | %d | %d | %d | %.1f |%n%n", runs, count(Outcome.PASS),
        count(Outcome.VIOLATION), count(Outcome.LIVENESS), count(Outcome.ERROR), harnessErrors, seedsPerSecond()));
    if (resumed() > 0) {
      b.append(resumed()).append(" of the runs were resumed from results.jsonl (recorded earlier by this same build); ")
          .append("seeds/s counts only the ").append(executed).append(" run now.\n\n");
    }
    if (!notRun.isEmpty()) {
      b.append("Not run: ").append(notRunLine().trim().replaceFirst("^not run ", "")).append(".\n\n");
    }
    if (harnessErrors > 0) {
      b.append(harnessErrors).append(" seed(s) hit a harness error — a bug in Tumbler, not in the system under test; ")
          .append("each line of results.jsonl with a `harnessError` names the exception.\n\n");
    }
    if (failures.isEmpty()) {
      b.append("Every seed passed every check (Raft safety, VM invariants, linearizability, liveness).\n");
      return b.append(coverageMarkdown()).toString();
    }
    b.append(coverageMarkdown());
    b.append("## Failures\n\n| seed | outcome | checks | fingerprint | reproduce |\n|---|---|---|---|---|\n");
    for (JsonNode f : failures) {
      b.append(String.format("| %d | %s | %s | `%s` | `%s` |%n", f.path("seed").asLong(), f.path("outcome").asText(),
          String.join(", ", names(f.path("violated"))), f.path("fingerprint").asText(), f.path("replay").asText()));
    }
    return b.toString();
  }

  private String coverageMarkdown() {
    if (coverage.totals().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("\n## Coverage\n\n");
    List<String> never = coverage.neverReached();
    b.append(never.isEmpty() ? "Every counted path was reached.\n\n"
        : "Never reached: " + String.join(", ", never) + ".\n\n");
    b.append("| path | runs that reached it | hits |\n|---|---|---|\n");
    coverage.totals().forEach((name, t) -> b.append(String.format("| %s%s | %d | %d |%n", name,
        t.hits() == 0 ? " (never)" : "", t.runsReached(), t.hits())));
    return b.append('\n').toString();
  }

  private static List<String> names(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  void writeFiles(Path dir) throws IOException {
    Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(toRecord()) + "\n");
    Files.writeString(dir.resolve("summary.md"), toMarkdown());
  }
}
