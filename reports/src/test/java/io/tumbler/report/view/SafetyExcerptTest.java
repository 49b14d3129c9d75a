package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.input.RunFiles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safety section rebuilds the logs from the journal as they stood at the detecting event. */
class SafetyExcerptTest {
  @Test
  void theLogMatchingFixtureShowsTheConflictingIndexSideBySide() throws URISyntaxException {
    RunView view = RunView.of(RunFiles.read(Path.of(getClass().getResource("/fixtures/safety-run").toURI())));
    assertEquals(1, view.safety().size());
    LogExcerpt x = view.safety().get(0);
    assertEquals("LOG_MATCHING", x.finding().property());
    assertEquals(List.of(1, 2), x.nodes());
    int row = x.indexes().indexOf(3L);
    assertTrue(x.conflicting().get(row), "index 3 differs between n1 and n2");
    assertEquals(new NodeLogs.Entry(1, 819), x.cells().get(row).get(0));
    assertEquals(new NodeLogs.Entry(2, 1092), x.cells().get(row).get(1));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), x.indexes());
    assertEquals(List.of(false, false, true, false, false, false, false), x.conflicting());
    assertEquals("EntriesAppended", x.events().get((int) (17 - x.firstEventNumber())).event());
  }

  @Test
  void afterARestartTheReannouncedLogReplacesTheOldOne() throws URISyntaxException {
    RunFiles files = RunFiles.read(Path.of(getClass().getResource("/fixtures/safety-run").toURI()));
    NodeLogs end = NodeLogs.replay(files.journal(), Long.MAX_VALUE);
    assertEquals(4, end.lastIndex(3));
    assertEquals(new NodeLogs.Entry(2, 2457), end.entry(3, 4));
    assertEquals(4, end.commitIndex(1));
    assertEquals(2, NodeLogs.replay(files.journal(), 11).commitIndex(2), "n2's commit index as of event #11");
  }

  @Test
  void aJournalLineWithoutItsFieldsKeepsItsPlaceAndIsNamed(@TempDir Path tmp) throws Exception {
    Path fixture = Path.of(getClass().getResource("/fixtures/safety-run").toURI());
    for (String name : List.of("run.json", "checks.json", "history.jsonl", "schedule.json")) {
      Files.copy(fixture.resolve(name), tmp.resolve(name));
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(fixture.resolve("journal.jsonl")));
    int broken = -1;
    for (int i = 0; i < lines.size() && broken < 0; i++) {
      if (lines.get(i).contains("\"event\":\"EntriesAppended\"")) {
        broken = i;
      }
    }
    lines.set(broken, lines.get(broken).replaceFirst("\"entries\":\\[", "\"entries\":\"cut\",\"was\":["));
    Files.write(tmp.resolve("journal.jsonl"), lines);
    RunFiles files = RunFiles.read(tmp);
    String named = "event #" + broken;
    assertEquals(lines.size(), files.journal().size(), "every line keeps its event number");
    assertEquals("EntriesAppended", files.journal().get(broken).event());
    assertTrue(files.problems().stream().anyMatch(p -> p.startsWith("journal.jsonl: 1 event(s) without the fields "
        + "of their kind") && p.contains(named)), files.problems().toString());
    assertEquals(1, RunView.of(files).safety().size(), "the report still draws the violation");
  }
}
