package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A campaign's {@code summary.json}, written by scenarios' campaign from this record and read by reports: how many
 * seeds ran and with what outcome, how fast, the failures, the coverage and fault kinds summed over the runs, and
 * the seeds not run when the campaign stopped early. A summary written before this record (no {@code version})
 * reads as version 0 with the same fields; a missing number reads as 0, a missing list or map as empty.
 *
 * @param version the format version; {@link #VERSION} when written by this code, 0 for an older file
 * @param scenario the scenario
 * @param runs seeds with a result, resumed ones included
 * @param executed seeds run by this invocation (null in summaries written before it was recorded)
 * @param resumed seeds whose result was taken from an earlier invocation's results.jsonl
 * @param pass runs that passed
 * @param violation runs with a safety violation
 * @param liveness runs with a liveness failure
 * @param error runs that ended in an error
 * @param harnessErrors runs whose error was Tumbler's own
 * @param wallSeconds the campaign's wall time; 0 when unknown
 * @param seedsPerSecond runs executed per second of wall time
 * @param events simulator events processed, summed
 * @param simulatedSeconds simulated time covered, summed
 * @param accelerationPerSimulation simulated time over the runs' own wall time
 * @param failures the results lines of the seeds that did not pass, as {@code results.jsonl} has them (read one
 *     with {@link CampaignResult#read})
 * @param coverage per protocol path: runs that reached it and hits in all
 * @param neverReached the counted paths no run reached
 * @param faultTypes per fault kind: runs that applied it with effect and how often in all
 * @param faultTypesKnown the fault kinds the scenario can apply, by schedule name
 * @param notRunCount how many seeds were not run
 * @param notRun the seed ranges not run ("41..100")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignSummary(int version, String scenario, long runs, Integer executed, long resumed, long pass,
    long violation, long liveness, long error, long harnessErrors, double wallSeconds, double seedsPerSecond,
    long events, double simulatedSeconds, double accelerationPerSimulation, List<JsonNode> failures,
    SortedMap<String, PathTotal> coverage, List<String> neverReached, SortedMap<String, FaultTypeTotal> faultTypes,
    List<String> faultTypesKnown, int notRunCount, List<String> notRun) {
  /** The version this code writes (1: the first with a version field); it reads every version up to it. */
  public static final int VERSION = 1;

  public CampaignSummary {
    failures = failures == null ? List.of() : List.copyOf(failures);
    coverage = sorted(coverage);
    neverReached = neverReached == null ? List.of() : List.copyOf(neverReached);
    faultTypes = sorted(faultTypes);
    faultTypesKnown = faultTypesKnown == null ? List.of() : List.copyOf(faultTypesKnown);
    notRun = notRun == null ? List.of() : List.copyOf(notRun);
  }

  private static <T> SortedMap<String, T> sorted(Map<String, T> totals) {
    return Collections.unmodifiableSortedMap(totals == null ? new TreeMap<>() : new TreeMap<>(totals));
  }

  /** The summary of a directory without a readable summary.json: nothing known. */
  public static CampaignSummary absent() {
    return new CampaignSummary(0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null, 0,
        null);
  }

  /**
   * One protocol path's sum over a campaign.
   *
   * @param runs runs that reached it
   * @param hits times it was reached in all
   */
  public record PathTotal(long runs, long hits) {}

  /**
   * One fault kind's sum over a campaign.
   *
   * @param runs runs that applied it with effect
   * @param applied times it was applied with effect in all
   */
  public record FaultTypeTotal(long runs, long applied) {}
}
