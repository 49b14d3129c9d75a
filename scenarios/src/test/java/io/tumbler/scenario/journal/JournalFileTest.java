package io.tumbler.scenario.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.check.RaftSafetyChecker;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunDirectory;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file round-trips, and the safety checker gives the same answer offline as online. */
class JournalFileTest {
  @TempDir Path tmp;

  @Test
  void savedJournalOfARealRunReadsBackEqualAndChecksTheSame() throws Exception {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(ScenarioCatalog.named("leader-failover"), 3);
    RunDirectory.write(tmp, run, "test");
    List<JournalEvent> read = JournalFile.read(tmp.resolve("journal.jsonl"));
    assertEquals(run.journal(), read);
    assertTrue(read.stream().anyMatch(e -> e instanceof JournalEvent.Crashed), "the leader was killed");
    RaftSafetyChecker offline = new RaftSafetyChecker();
    read.forEach(offline::observe);
    assertEquals(run.safetyViolations(), offline.finish());
  }

  @Test
  void offlineCheckerFindsAViolationPlantedInASavedJournal() throws Exception {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(ScenarioCatalog.named("initial-election"), 5);
    List<JournalEvent> tampered = new ArrayList<>(run.journal());
    JournalEvent.RoleChanged leader = (JournalEvent.RoleChanged) tampered.stream()
        .filter(e -> e instanceof JournalEvent.RoleChanged r && r.role().equals("LEADER")).findFirst().orElseThrow();
    int other = leader.node() == 1 ? 2 : 1;
    tampered.add(new JournalEvent.RoleChanged(leader.timeNanos() + 1, other, "LEADER", leader.term()));
    Path file = tmp.resolve("journal.jsonl");
    try (var out = Files.newBufferedWriter(file)) {
      for (JournalEvent e : tampered) {
        JournalFile.write(out, e);
      }
    }
    RaftSafetyChecker offline = new RaftSafetyChecker();
    JournalFile.read(file).forEach(offline::observe);
    List<SafetyViolation> violations = offline.finish();
    assertFalse(violations.isEmpty());
    assertEquals("ELECTION_SAFETY", violations.get(0).property().name());
  }

  @Test
  void malformedLineIsNamed() throws Exception {
    Path file = tmp.resolve("journal.jsonl");
    Files.writeString(file, "{\"event\":\"Crashed\",\"timeNanos\":1,\"node\":1}\n{\"event\":\"Nope\"}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalFile.read(file));
    assertTrue(e.getMessage().contains("journal.jsonl:2"), e.getMessage());
  }
}
