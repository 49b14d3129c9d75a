package io.tumbler.runformat;

import java.util.List;

/**
 * What a report reads of a campaign's {@code summary.json}: its wall time, how many seeds it ran, the fault kinds its
 * scenario could apply, and the seeds it did not run when stopped early. The file holds more (outcome counts,
 * coverage totals); unknown fields are ignored.
 *
 * @param scenario the scenario
 * @param runs seeds with a result, resumed ones included
 * @param executed seeds run by this invocation (null in summaries written before it was recorded)
 * @param wallSeconds the campaign's wall time; 0 when unknown
 * @param faultTypesKnown the fault kinds the scenario can apply, by schedule name
 * @param notRunCount how many seeds were not run
 * @param notRun the seed ranges not run ("41..100")
 */
public record CampaignSummary(String scenario, long runs, Integer executed, double wallSeconds,
    List<String> faultTypesKnown, int notRunCount, List<String> notRun) {
  public CampaignSummary {
    faultTypesKnown = faultTypesKnown == null ? List.of() : List.copyOf(faultTypesKnown);
    notRun = notRun == null ? List.of() : List.copyOf(notRun);
  }

  /** The summary of a directory without a readable summary.json: nothing known. */
  public static CampaignSummary absent() {
    return new CampaignSummary(null, 0, null, 0, null, 0, null);
  }
}
