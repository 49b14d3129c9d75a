package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.recovered;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.scenario.journal.HarnessEvent.TransferSent;
import io.tumbler.scenario.journal.HarnessEvent.VoteRequested;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transfer-flagged vote request comes only from a node handed TimeoutNow in the term before. */
class TransferVoteOracleTest {
  private static List<JournalEntry> started() {
    List<JournalEntry> j = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      j.add(recovered(0, node, 1, 1, 0, 0, 0));
    }
    return j;
  }

  @Test
  void aTransferElectionAfterTimeoutNowIsQuiet() {
    List<JournalEntry> j = started();
    j.add(new TransferSent(10, 1, 2, 1));
    j.add(new VoteRequested(11, 3, 2, 2, 0, 0, true));
    j.add(new VoteRequested(11, 1, 2, 2, 0, 0, true));
    assertQuiet(run(j));
  }

  @Test
  void aTransferFlaggedRequestNoTimeoutNowPrecededIsCaughtOncePerCandidacy() {
    List<JournalEntry> j = started();
    j.add(new VoteRequested(11, 3, 2, 2, 0, 0, true));
    j.add(new VoteRequested(11, 1, 2, 2, 0, 0, true));
    List<SafetyViolation> found = run(j);
    assertOnly(SafetyProperty.TRANSFER_HANDED_OFF, found);
    assertEquals(1, found.size(), found.toString());
  }

  @Test
  void aTimeoutNowOfAnotherTermDoesNotCount() {
    List<JournalEntry> j = started();
    j.add(new TransferSent(5, 1, 2, 1));
    j.add(new VoteRequested(11, 3, 2, 4, 0, 0, true));
    assertOnly(SafetyProperty.TRANSFER_HANDED_OFF, run(j));
  }
}
