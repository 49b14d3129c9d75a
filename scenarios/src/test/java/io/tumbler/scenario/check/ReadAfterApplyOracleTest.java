package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.Applied;
import io.tumbler.scenario.journal.JournalEvent.CommitAdvanced;
import io.tumbler.scenario.journal.JournalEvent.Crashed;
import io.tumbler.scenario.journal.JournalEvent.EntriesAppended;
import io.tumbler.scenario.journal.JournalEvent.HardStateSynced;
import io.tumbler.scenario.journal.JournalEvent.ReadServed;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import io.tumbler.scenario.journal.JournalEvent.RoleChanged;
import io.tumbler.scenario.journal.JournalEvent.Voted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SafetyProperty#READ_AFTER_APPLY}: a read is served from state applied up to its read index. */
class ReadAfterApplyOracleTest {

  /** A one-node cluster elects itself, commits entries 1..3 of term 1 and applies 1..2 of them. */
  private static List<JournalEvent> committedAhead() {
    List<JournalEvent> j = new ArrayList<>();
    j.add(new Recovered(0, 1, 0, 0, 0, 0, 0));
    j.add(new RoleChanged(1, 1, "CANDIDATE", 1));
    j.add(new Voted(1, 1, 1, 1));
    j.add(new HardStateSynced(1, 1, 1, 1, 0));
    j.add(new RoleChanged(2, 1, "LEADER", 1));
    j.add(new EntriesAppended(3, 1, 1, List.of(e(1, 11), e(1, 12), e(1, 13))));
    j.add(new HardStateSynced(4, 1, 1, 1, 3));
    j.add(new CommitAdvanced(4, 1, 3));
    j.add(new Applied(4, 1, 1, 1, 11, 101));
    j.add(new Applied(4, 1, 2, 1, 12, 102));
    return j;
  }

  @Test
  void aReadServedAtAnIndexNotYetAppliedIsCaughtInEveryModeButLocal() {
    for (String mode : List.of("LINEARIZABLE", "LEASE")) {
      List<JournalEvent> j = committedAhead();
      j.add(new ReadServed(5, 1, mode, 3));
      assertOnly(SafetyProperty.READ_AFTER_APPLY, run(j));
    }
    List<JournalEvent> local = committedAhead();
    local.add(new ReadServed(5, 1, "LOCAL", 3));
    assertQuiet(run(local));
  }

  @Test
  void aReadServedOnceItsIndexIsAppliedIsQuiet() {
    List<JournalEvent> j = committedAhead();
    j.add(new ReadServed(5, 1, "LINEARIZABLE", 2));
    j.add(new Applied(6, 1, 3, 1, 13, 103));
    j.add(new ReadServed(6, 1, "LEASE", 3));
    assertQuiet(run(j));
  }

  @Test
  void aRestartAppliesFromItsRecoveredSnapshotNotFromBeforeTheCrash() {
    List<JournalEvent> j = committedAhead();
    j.add(new Applied(5, 1, 3, 1, 13, 103));
    j.add(new Crashed(6, 1));
    j.add(new Recovered(7, 1, 1, 1, 3, 1, 1)); // snapshot at 1: entries 2..3 re-apply after the restart
    j.add(new EntriesAppended(7, 1, 2, List.of(e(1, 12), e(1, 13))));
    j.add(new RoleChanged(8, 1, "CANDIDATE", 2));
    j.add(new Voted(8, 1, 2, 1));
    j.add(new HardStateSynced(8, 1, 2, 1, 3));
    j.add(new RoleChanged(8, 1, "LEADER", 2));
    j.add(new ReadServed(9, 1, "LINEARIZABLE", 3));
    assertOnly(SafetyProperty.READ_AFTER_APPLY, run(j));
  }
}
