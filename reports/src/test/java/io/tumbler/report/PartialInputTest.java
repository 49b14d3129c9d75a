package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.runformat.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partial or wrong input: a report of what exists with a note of what is missing, or a clear refusal. */
class PartialInputTest {
  @TempDir Path temp;

  @Test
  void aRunKilledHalfWayStillGetsAReportThatSaysWhatIsMissing() throws IOException {
    Path dir = temp.resolve("killed");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("history.jsonl"),
        "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"read\",\"value\":[1,null],\"time\":5}\n{\"index\":1,\"pro");
    Files.writeString(dir.resolve("checks.json"), "{\"version\":1,\"checks\":[{\"check\":\"raft-sa");
    ReportOutcome outcome = Reports.write(List.of(dir), null, EnumSet.allOf(ReportFormat.class));
    ReportOutcome.Written written = assertInstanceOf(ReportOutcome.Written.class, outcome);
    assertEquals("UNKNOWN", written.verdict());
    assertEquals(4, written.files().size());
    String notes = String.join("\n", written.notes());
    assertTrue(notes.contains("run.json is missing"), notes);
    assertTrue(notes.contains("checks.json is not valid JSON"), notes);
    assertTrue(notes.contains("history.jsonl: 1 unreadable line (first at line 2)"), notes);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("run.json is missing"), "the page itself says what is missing");
    assertTrue(html.contains("class=\"op pending"), "the one invocation is drawn, pending");
  }

  @Test
  void filesOfAnUnknownFormatVersionAreNamedInOneLineAndTheRestStillRenders() throws IOException {
    Path dir = temp.resolve("future");
    Fixtures.copyDir(Fixtures.run("stale-run"), dir);
    Files.writeString(dir.resolve("run.json"), "{\"version\":9,\"scenario\":\"x\",\"seed\":3}");
    Files.writeString(dir.resolve("checks.json"), "{\"version\":2,\"checks\":{\"not\":\"a list\"}}");
    ReportOutcome.Written written = assertInstanceOf(ReportOutcome.Written.class,
        Reports.write(List.of(dir), null, EnumSet.of(ReportFormat.HTML)));
    String notes = String.join("\n", written.notes());
    assertTrue(notes.contains("run.json is run-format version 9; this tumbler reads version " + RunRecord.VERSION + " (re-run the seed with "
        + "this build to get a readable run directory)"), notes);
    assertTrue(notes.contains("checks.json does not have the fields of a run's checks ("), notes);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("run.json is run-format version 9"));
  }

  @Test
  void aRunDirectoryOfTheFirstFormatVersionStillRenders() throws IOException {
    // The fixtures' run.json is version 1 (before run-format): it reads unchanged.
    Path dir = temp.resolve("v1");
    Fixtures.copyDir(Fixtures.run("safety-run"), dir);
    assertTrue(Files.readString(dir.resolve("run.json")).contains("\"version\" : 1"));
    ReportOutcome.Written written = assertInstanceOf(ReportOutcome.Written.class,
        Reports.write(List.of(dir), null, EnumSet.of(ReportFormat.HTML)));
    assertTrue(written.notes().stream().noneMatch(n -> n.contains("version")), written.notes().toString());
  }

  @Test
  void aDirectoryThatIsNeitherRunNorCampaignIsRefusedNamingThePath() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("photos"));
    ReportOutcome.Rejected r = assertInstanceOf(ReportOutcome.Rejected.class,
        Reports.write(List.of(empty), null, EnumSet.of(ReportFormat.HTML)));
    assertTrue(r.message().startsWith(empty + " is neither a run directory"), r.message());
    assertInstanceOf(ReportOutcome.Rejected.class,
        Reports.write(List.of(temp.resolve("absent")), null, EnumSet.of(ReportFormat.HTML)));
    Path file = Files.writeString(temp.resolve("run.json"), "{}");
    assertTrue(((ReportOutcome.Rejected) Reports.write(List.of(file), null, EnumSet.of(ReportFormat.HTML))).message()
        .contains("is a file"));
    assertEquals(List.of("photos", "run.json"), List.of(Files.list(temp).map(p -> p.getFileName().toString()).sorted()
        .toArray()), "nothing was written");
  }

  @Test
  void aRunAndACampaignTogetherAreRefused() throws IOException {
    Path parent = Fixtures.campaign(temp);
    ReportOutcome r = Reports.write(List.of(Fixtures.run("stale-run"), parent.resolve("campaign-a")), temp.resolve("x.html"),
        EnumSet.of(ReportFormat.HTML));
    assertTrue(assertInstanceOf(ReportOutcome.Rejected.class, r).message().contains("not both"));
  }

  @Test
  void aDirectoryOfCampaignsIsTheirMerge() throws IOException {
    Path parent = Fixtures.campaign(temp);
    ReportOutcome.Written w = assertInstanceOf(ReportOutcome.Written.class,
        Reports.write(List.of(parent), temp.resolve("all.html"), EnumSet.of(ReportFormat.HTML, ReportFormat.JSON)));
    assertEquals(List.of(temp.resolve("all.html"), temp.resolve("all.json")), w.files());
    assertTrue(Files.readString(temp.resolve("all.json")).contains("\"sources\" : [ \"campaign-a\", \"campaign-b\" ]"));
    assertTrue(Files.exists(parent.resolve("campaign-a/failures/seed-3/report.html")), "the failure's run report is made");
  }

  @Test
  void aSeedThatHitAHarnessErrorIsNamedAsOneWithItsExceptionNotAsAMissingDirectory() throws IOException {
    Path dir = temp.resolve("harness");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.jsonl"), "{\"scenario\":\"default\",\"seed\":1,\"bugs\":[],"
        + "\"fingerprint\":\"00000000000000aa\",\"outcome\":\"PASS\",\"violated\":[]}\n"
        + "{\"scenario\":\"default\",\"seed\":2,\"bugs\":[],\"fingerprint\":\"\",\"outcome\":\"ERROR\","
        + "\"violated\":[\"harness-error\"],\"replay\":\"./tumbler run --scenario default --seed 2\","
        + "\"harnessError\":\"java.lang.IllegalStateException: boom\",\"frames\":[],\"notes\":[]}\n");
    ReportOutcome.Written w = assertInstanceOf(ReportOutcome.Written.class,
        Reports.write(List.of(dir), null, EnumSet.of(ReportFormat.HTML)));
    assertEquals("ERROR", w.verdict());
    String notes = String.join("\n", w.notes());
    assertTrue(notes.contains("seed 2 of default: harness error (a bug in Tumbler, not in the system under test): "
        + "java.lang.IllegalStateException: boom"), notes);
    assertTrue(!notes.contains("failure directory was not found"), notes);
  }
}
