package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;

import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SafetyProperty#READ_AFTER_APPLY}: a read is served from state applied up to its read index. */
class ReadAfterApplyOracleTest {

  /** A one-node cluster elects itself, commits entries 1..3 of term 1 and applies 1..2 of them. */
  private static List<JournalEntry> committedAhead() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(recovered(0, 1, 0, 0, 0, 0, 0));
    j.add(roleChanged(1, 1, "CANDIDATE", 1));
    j.add(voted(1, 1, 1, 1));
    j.add(hardStateSynced(1, 1, 1, 1, 0));
    j.add(roleChanged(2, 1, "LEADER", 1));
    j.add(entriesAppended(3, 1, 1, List.of(e(1, 11), e(1, 12), e(1, 13))));
    j.add(hardStateSynced(4, 1, 1, 1, 3));
    j.add(commitAdvanced(4, 1, 3));
    j.add(applied(4, 1, 1, 1, 11, 101));
    j.add(applied(4, 1, 2, 1, 12, 102));
    return j;
  }

  @Test
  void aReadServedAtAnIndexNotYetAppliedIsCaughtInEveryModeButLocal() {
    for (String mode : List.of("LINEARIZABLE", "LEASE")) {
      List<JournalEntry> j = committedAhead();
      j.add(readServed(5, 1, mode, 3));
      assertOnly(SafetyProperty.READ_AFTER_APPLY, run(j));
    }
    List<JournalEntry> local = committedAhead();
    local.add(readServed(5, 1, "LOCAL", 3));
    assertQuiet(run(local));
  }

  @Test
  void aReadServedOnceItsIndexIsAppliedIsQuiet() {
    List<JournalEntry> j = committedAhead();
    j.add(readServed(5, 1, "LINEARIZABLE", 2));
    j.add(applied(6, 1, 3, 1, 13, 103));
    j.add(readServed(6, 1, "LEASE", 3));
    assertQuiet(run(j));
  }

  @Test
  void aRestartAppliesFromItsRecoveredSnapshotNotFromBeforeTheCrash() {
    List<JournalEntry> j = committedAhead();
    j.add(applied(5, 1, 3, 1, 13, 103));
    j.add(new Crashed(6, 1));
    j.add(recovered(7, 1, 1, 1, 3, 1, 1)); // snapshot at 1: entries 2..3 re-apply after the restart
    j.add(entriesAppended(7, 1, 2, List.of(e(1, 12), e(1, 13))));
    j.add(roleChanged(8, 1, "CANDIDATE", 2));
    j.add(voted(8, 1, 2, 1));
    j.add(hardStateSynced(8, 1, 2, 1, 3));
    j.add(roleChanged(8, 1, "LEADER", 2));
    j.add(readServed(9, 1, "LINEARIZABLE", 3));
    assertOnly(SafetyProperty.READ_AFTER_APPLY, run(j));
  }
}
