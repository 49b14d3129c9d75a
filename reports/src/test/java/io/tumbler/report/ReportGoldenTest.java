package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON and Markdown reports of the fixture runs and campaign, against golden files. */
class ReportGoldenTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"stale-run", "safety-run"})
  void runReportsMatchTheirGoldenFiles(String fixture) throws IOException {
    Path out = temp.resolve(fixture + ".json");
    ReportOutcome outcome = Reports.write(List.of(Fixtures.run(fixture)), out,
        EnumSet.of(ReportFormat.JSON, ReportFormat.MARKDOWN));
    assertInstanceOf(ReportOutcome.Written.class, outcome);
    Golden.check(fixture + ".json", Files.readString(out, StandardCharsets.UTF_8), temp);
    Golden.check(fixture + ".md", Files.readString(temp.resolve(fixture + ".md"), StandardCharsets.UTF_8), temp);
  }

  @Test
  void mergedCampaignShardsMatchTheirGoldenFiles() throws IOException {
    Path parent = Fixtures.campaign(temp);
    ReportOutcome outcome = Reports.write(List.of(parent.resolve("campaign-a"), parent.resolve("campaign-b")), null,
        EnumSet.allOf(ReportFormat.class));
    assertInstanceOf(ReportOutcome.Written.class, outcome);
    Golden.check("campaign.json", Files.readString(parent.resolve("report.json"), StandardCharsets.UTF_8), temp);
    Golden.check("campaign.md", Files.readString(parent.resolve("report.md"), StandardCharsets.UTF_8), temp);
  }
}
