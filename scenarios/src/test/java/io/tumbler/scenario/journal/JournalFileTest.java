package io.tumbler.scenario.journal;

import static io.tumbler.scenario.journal.JournalFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.Identities;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.membership.JoinRejection;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.scenario.check.RaftSafetyChecker;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.journal.HarnessEvent;
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
    List<JournalEntry> read = JournalFile.read(tmp.resolve("journal.jsonl"));
    assertEquals(run.journal(), read);
    assertTrue(read.stream().anyMatch(e -> e instanceof HarnessEvent.Crashed), "the leader was killed");
    RaftSafetyChecker offline = new RaftSafetyChecker();
    read.forEach(offline::observe);
    assertEquals(run.safetyViolations(), offline.finish());
  }

  @Test
  void offlineCheckerFindsAViolationPlantedInASavedJournal() throws Exception {
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(30)).run(ScenarioCatalog.named("initial-election"), 5);
    List<JournalEntry> tampered = new ArrayList<>(run.journal());
    JournalEntry leader = tampered.stream()
        .filter(e -> e.payload() instanceof Observation.BecameLeader).findFirst().orElseThrow();
    int other = leader.node() == 1 ? 2 : 1;
    long term = ((Observation.BecameLeader) leader.payload()).term();
    tampered.add(new JournalEntry.Stamped(leader.timeNanos() + 1, new Observation.BecameLeader(other, term)));
    Path file = tmp.resolve("journal.jsonl");
    try (var out = Files.newBufferedWriter(file)) {
      for (JournalEntry e : tampered) {
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
    Files.writeString(file, "{\"version\":2,\"event\":\"Crashed\",\"timeNanos\":1,\"node\":1}\n"
        + "{\"version\":2,\"event\":\"Nope\",\"timeNanos\":2,\"node\":1}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalFile.read(file));
    assertTrue(e.getMessage().contains("journal.jsonl:2"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown event \"Nope\""), e.getMessage());
  }

  @Test
  void aVersionOneJournalIsRefusedInOneLine() throws Exception {
    Path file = tmp.resolve("journal.jsonl");
    Files.writeString(file, "{\"event\":\"RoleChanged\",\"timeNanos\":1,\"node\":1,\"role\":\"LEADER\",\"term\":1}\n");
    FormatVersionException e = assertThrows(FormatVersionException.class, () -> JournalFile.read(file));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("reads version 2"), e.getMessage());
  }

  @Test
  void everyKindOfEntryRoundTrips() throws Exception {
    Configuration withIdentities = new Configuration(List.of(1, 2, 3), List.of(4), new Identities(
        new java.util.TreeMap<>(java.util.Map.of(4, new io.tumbler.raft.HostIncarnation(9, 2))),
        new java.util.TreeMap<>(java.util.Map.of(9, new Identities.Admitted(2, 4)))));
    List<JournalEntry> all = List.of(
        new JournalEntry.Stamped(1, new Observation.Recovered(2, 3, 1, 4, 2, 1, 5,
            List.of(new Observation.EntryRef(3, 1, 77), new Observation.EntryRef(4, 2, 78), new Observation.EntryRef(5, 3, 79)))),
        new JournalEntry.Stamped(2, new Observation.ConfigurationChanged(2, 6, withIdentities)),
        new JournalEntry.Stamped(3, new Observation.ConfigurationChanged(2, 7, new Configuration(List.of(1, 2), List.of()))),
        new JournalEntry.Stamped(4, new Observation.ReadServed(2, ReadMode.LEASE, 5, 6)),
        new JournalEntry.Stamped(5, new Observation.JoinRejected(1, 4, 9, 3, JoinRejection.values()[0])),
        new JournalEntry.Stamped(6, new Observation.ClientAcked(1, 7, 8, 9, 3, 99)),
        new JournalEntry.Stamped(7, new Observation.PathTaken(1, 3, ProtocolPath.values()[0], 2)),
        new JournalEntry.Stamped(8, new Observation.Halted(1, "fsync failed")),
        new HarnessEvent.ReadAnswered(9, 1, "LINEARIZABLE", 3, 5, List.of(2, 3)),
        new HarnessEvent.ReadAnswered(10, 1, "LEASE", 3, 5),
        new HarnessEvent.CampaignStarted(11, 1, 4, "ELECTION_ON_TIMEOUT", "TICK", 30, 10));
    Path file = tmp.resolve("journal.jsonl");
    try (var out = Files.newBufferedWriter(file)) {
      for (JournalEntry e : all) {
        JournalFile.write(out, e);
      }
    }
    assertEquals(all, JournalFile.read(file));
    assertTrue(Files.readAllLines(file).stream().allMatch(l -> l.startsWith("{\"version\":2,\"event\":\"")));
  }
}
