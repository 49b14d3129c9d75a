package io.tumbler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading a mutant's campaign ({@code results.jsonl}) into a verdict, and writing the whole {@code tumbler
 * mutate} result as {@code mutate.json} and {@code mutate.md}: the table a person compares before and after a
 * change to the campaign.
 */
final class MutationReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MutationReport() {}

  /**
   * The verdict of a finished campaign: caught by its smallest failing seed (any outcome but PASS), missed if
   * every line passed, null if there are no results at all.
   */
  static MutantVerdict fromResults(Path results) throws IOException {
    if (!Files.isRegularFile(results)) {
      return null;
    }
    long seedsRun = 0;
    JsonNode first = null;
    try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode run = JSON.readTree(line);
        seedsRun++;
        boolean failed = !"PASS".equals(run.path("outcome").asText());
        if (failed && (first == null || run.path("seed").asLong() < first.path("seed").asLong())) {
          first = run;
        }
      }
    }
    if (seedsRun == 0) {
      return null;
    }
    if (first == null) {
      return new MutantVerdict.Missed(seedsRun);
    }
    List<String> checks = new ArrayList<>();
    first.path("violated").forEach(v -> checks.add(v.asText()));
    return new MutantVerdict.Caught(first.path("seed").asLong(), first.path("outcome").asText(), checks, seedsRun);
  }

  static long caught(List<MutantResult> results) {
    return results.stream().filter(r -> r.verdict() instanceof MutantVerdict.Caught).count();
  }

  /** "caught K of N (P%)". */
  static String score(List<MutantResult> results) {
    long caught = caught(results);
    int n = results.size();
    return String.format(Locale.ROOT, "caught %d of %d (%.0f%%)", caught, n, n == 0 ? 0.0 : 100.0 * caught / n);
  }

  /** The Markdown table (also printed as is on the terminal). */
  static String table(List<MutantResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("| mutant | verdict | first seed | checks | seeds run | wall time |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (MutantResult r : results) {
      md.append("| ").append(r.mutant()).append(" | ").append(r.verdict().word()).append(" | ")
          .append(firstSeed(r.verdict())).append(" | ").append(checks(r.verdict())).append(" | ")
          .append(seedsRun(r.verdict())).append(" | ")
          .append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds())).append(" |\n");
    }
    return md.toString();
  }

  static void write(Path out, CampaignSpec spec, String baseCommit, List<MutantResult> results) throws IOException {
    Files.createDirectories(out);
    String md = "# tumbler mutate\n\nScenario `" + spec.scenario() + "`, seeds " + spec.seeds() + ", base commit "
        + baseCommit + ".\n\n" + table(results) + "\n" + score(results) + "\n";
    Files.writeString(out.resolve("mutate.md"), md, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("mutate.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(spec, baseCommit, results)) + "\n",
        StandardCharsets.UTF_8);
  }

  static ObjectNode toJson(CampaignSpec spec, String baseCommit, List<MutantResult> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", spec.scenario());
    root.put("seeds", spec.seeds());
    root.put("jobs", spec.jobs());
    root.put("baseCommit", baseCommit);
    root.put("mutants", results.size());
    root.put("caught", caught(results));
    ArrayNode rows = root.putArray("results");
    for (MutantResult r : results) {
      rows.add(toJson(r));
    }
    return root;
  }

  static ObjectNode toJson(MutantResult r) {
    ObjectNode row = JSON.createObjectNode();
    row.put("mutant", r.mutant());
    row.put("verdict", r.verdict().word());
    row.put("wallSeconds", Math.round(r.wallSeconds() * 10) / 10.0);
    MutantVerdict v = r.verdict();
    if (v instanceof MutantVerdict.Caught c) {
      row.put("firstSeed", c.firstSeed());
      row.put("outcome", c.outcome());
      c.checks().forEach(row.putArray("checks")::add);
      row.put("seedsRun", c.seedsRun());
    } else if (v instanceof MutantVerdict.Missed m) {
      row.put("seedsRun", m.seedsRun());
    } else if (v instanceof MutantVerdict.PatchFailed p) {
      row.put("message", p.message());
    } else if (v instanceof MutantVerdict.BuildFailed b) {
      row.put("message", b.logTail());
    } else if (v instanceof MutantVerdict.CampaignError e) {
      row.put("exitCode", e.exitCode());
      row.put("message", e.logTail());
    }
    return row;
  }

  private static String firstSeed(MutantVerdict v) {
    return v instanceof MutantVerdict.Caught c ? Long.toString(c.firstSeed()) : "-";
  }

  private static String checks(MutantVerdict v) {
    if (v instanceof MutantVerdict.Caught c) {
      return c.checks().isEmpty() ? c.outcome() : String.join(", ", c.checks());
    }
    return "-";
  }

  private static String seedsRun(MutantVerdict v) {
    if (v instanceof MutantVerdict.Caught c) {
      return Long.toString(c.seedsRun());
    }
    return v instanceof MutantVerdict.Missed m ? Long.toString(m.seedsRun()) : "-";
  }

  /** The campaign every mutant is measured with. */
  record CampaignSpec(String scenario, String seeds, int jobs) {}
}
