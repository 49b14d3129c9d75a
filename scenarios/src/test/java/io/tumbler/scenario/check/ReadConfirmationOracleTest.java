package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;

import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SafetyProperty#READ_INDEX_CONFIRMED}: a majority answered a round sent after the read arrived. */
class ReadConfirmationOracleTest {

  private static List<JournalEntry> started(int nodes) {
    List<JournalEntry> j = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      j.add(recovered(0, node, 0, 0, 0, 0, 0));
    }
    return j;
  }

  @Test
  void aReadConfirmedByTooFewFollowersIsCaughtForEvenAndOddSizes() {
    List<JournalEntry> five = started(5);
    five.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0, List.of(2)));
    assertOnly(SafetyProperty.READ_INDEX_CONFIRMED, run(five));
    List<JournalEntry> four = started(4);
    four.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0, List.of(3))); // 2 of 4 is no majority
    assertOnly(SafetyProperty.READ_INDEX_CONFIRMED, run(four));
  }

  @Test
  void aMajorityTheLeaderIncludedIsQuietAndSoIsAOneNodeCluster() {
    List<JournalEntry> five = started(5);
    five.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0, List.of(2, 4)));
    five.add(new ReadAnswered(11, 1, "LINEARIZABLE", 6, 0, List.of(1, 2, 4))); // the leader is not counted twice
    assertQuiet(run(five));
    List<JournalEntry> one = started(1);
    one.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0, List.of()));
    assertQuiet(run(one));
  }

  @Test
  void readsWithoutRecordedConfirmationAreNotJudged() {
    List<JournalEntry> j = started(3);
    j.add(new ReadAnswered(10, 1, "LEASE", 5, 0));
    j.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0));
    assertQuiet(run(j));
    j.add(new ReadAnswered(10, 1, "LINEARIZABLE", 5, 0, List.of(1)));
    assertOnly(SafetyProperty.READ_INDEX_CONFIRMED, run(j));
  }
}
