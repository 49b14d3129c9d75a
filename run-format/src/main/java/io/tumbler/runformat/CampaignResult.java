package io.tumbler.runformat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a campaign's {@code results.jsonl}: the seed's {@link RunRecord} (without its version) and what the
 * campaign adds beside it.
 *
 * @param run the run's record
 * @param failureDir where the failing seed's run directory was kept, or null
 * @param harnessError the harness's own failure (a bug in Tumbler, not in the system under test), or null
 */
public record CampaignResult(RunRecord run, String failureDir, String harnessError) {

  /** The campaign's own fields of a results line. */
  private record Extras(String failureDir, String harnessError) {}

  /** Reads one results line ({@code file} names it in a version error). */
  public static CampaignResult read(String file, JsonNode line) throws FormatVersionException {
    RunRecord run = RunDirectoryFiles.run(file, line);
    Extras extras = RunFormatJson.mapper().convertValue(line, Extras.class);
    return new CampaignResult(run, extras.failureDir(), extras.harnessError());
  }
}
