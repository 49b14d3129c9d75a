package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.input.CampaignFiles;
import io.tumbler.report.view.CampaignView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign report's seeds per second covers only the seeds its campaign ran ({@code executed} in
 * summary.json), not those it resumed from results.jsonl, which took none of its wall time.
 */
class ResumedCampaignSpeedTest {
  @TempDir Path dir;

  private void campaign(int executed) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int seed = 1; seed <= 4; seed++) {
      lines.append("{\"scenario\":\"initial-election\",\"seed\":").append(seed).append(",\"bugs\":[],\"commit\":\"c\",")
          .append("\"fingerprint\":\"f\",\"outcome\":\"PASS\",\"violated\":[],\"events\":1,\"simulatedMillis\":1,")
          .append("\"wallMillis\":1,\"replay\":\"./tumbler run --scenario initial-election --seed ").append(seed)
          .append("\",\"notes\":[]}\n");
    }
    Files.writeString(dir.resolve("results.jsonl"), lines);
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"initial-election\",\"runs\":4,\"executed\":"
        + executed + ",\"resumed\":" + (4 - executed) + ",\"wallSeconds\":2.0}\n");
  }

  @Test
  void resumedSeedsAreNotInTheRate() throws Exception {
    campaign(1);
    CampaignView view = CampaignView.of(CampaignFiles.read(List.of(dir)));
    assertEquals(1, view.timedRuns());
    assertEquals(0.5, view.seedsPerSecond(), 1e-9);
    assertTrue(CampaignHtml.speed(view).startsWith("1 of the 4 seeds (those run, not resumed"), CampaignHtml.speed(view));
  }

  @Test
  void aCampaignThatOnlyResumedHasNoSpeed() throws Exception {
    campaign(0);
    CampaignView view = CampaignView.of(CampaignFiles.read(List.of(dir)));
    assertEquals(0.0, view.seedsPerSecond());
    assertTrue(CampaignHtml.speed(view).startsWith("Speed unknown: every seed was resumed"), CampaignHtml.speed(view));
  }
}
