package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.input.CampaignFiles;
import io.tumbler.report.view.CampaignSeeds;
import io.tumbler.report.view.CampaignView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign page says what ran: every seed in a table with failures first, the fault kinds the runs applied and
 * the known kinds none did, and the seeds asked for that never ran.
 */
class CampaignSeedsTest {
  @TempDir Path dir;

  private static String line(long seed, String outcome, String faultTypes) {
    return "{\"scenario\":\"default\",\"seed\":" + seed + ",\"bugs\":[],\"fingerprint\":\"fp" + seed + "\",\"outcome\":\""
        + outcome + "\",\"violated\":[],\"events\":10,\"simulatedMillis\":6000,\"wallMillis\":20,\"operations\":5,"
        + "\"faults\":3,\"replay\":\"./tumbler run --seed " + seed + "\",\"notes\":[],\"faultTypes\":" + faultTypes + "}\n";
  }

  @Test
  void seedsFailuresFirstFaultKindsAndSeedsNotRun() throws Exception {
    Files.writeString(dir.resolve("results.jsonl"), line(1, "PASS", "{\"crash\":2,\"restart\":2}")
        + line(2, "VIOLATION", "{\"kill-leader\":1}") + line(3, "PASS", "{\"crash\":1}"));
    Files.writeString(dir.resolve("summary.json"), "{\"scenario\":\"default\",\"runs\":3,\"executed\":3,"
        + "\"wallSeconds\":1.0,\"faultTypesKnown\":[\"crash\",\"kill-leader\",\"pause-leader\",\"restart\"],"
        + "\"notRunCount\":7,\"notRun\":[\"4..10\"]}\n");
    CampaignView view = CampaignView.of(CampaignFiles.read(List.of(dir)));
    CampaignSeeds seeds = view.seeds();
    assertEquals(List.of(2L, 1L, 3L), seeds.rows().stream().map(CampaignSeeds.SeedRow::seed).toList());
    assertEquals(List.of(new CampaignSeeds.KindUse("crash", 2, 3), new CampaignSeeds.KindUse("kill-leader", 1, 1),
        new CampaignSeeds.KindUse("restart", 1, 2)), seeds.faultKinds());
    assertEquals(List.of("pause-leader"), seeds.faultKindsNotApplied());
    assertEquals(7, seeds.notRunCount());

    String page = CampaignHtml.render(view, f -> "");
    assertTrue(page.contains("7 seeds asked for were not run"), page);
    assertTrue(page.contains("4..10"), page);
    assertTrue(page.contains("id=\"fault-kinds-table\""), page);
    assertTrue(page.contains("never applied by these runs: pause-leader"), page);
    assertTrue(page.indexOf("<code>fp2</code>") < page.indexOf("<code>fp1</code>"), "the failure leads the seed table");
    assertTrue(page.contains("All 3 seeds"), page);
  }

  @Test
  void aLongCampaignKeepsEveryFailureButCutsThePassingRows() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (long seed = 1; seed <= CampaignSeedsHtml.MAX_ROWS + 500; seed++) {
      lines.append(line(seed, seed % 1000 == 0 ? "LIVENESS" : "PASS", "{}"));
    }
    Files.writeString(dir.resolve("results.jsonl"), lines);
    CampaignView view = CampaignView.of(CampaignFiles.read(List.of(dir)));
    String table = CampaignSeedsHtml.seeds(view.seeds());
    assertTrue(table.contains("The first " + CampaignSeedsHtml.MAX_ROWS + " of " + (CampaignSeedsHtml.MAX_ROWS + 500)),
        table.substring(0, 300));
    for (long seed = 1000; seed <= CampaignSeedsHtml.MAX_ROWS + 500; seed += 1000) {
      assertTrue(table.contains("<code>fp" + seed + "</code>"), "failing seed " + seed + " is shown");
    }
    assertEquals(CampaignSeedsHtml.MAX_ROWS, table.split("<tr>").length - 2);
  }
}
