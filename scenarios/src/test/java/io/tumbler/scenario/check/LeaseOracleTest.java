package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.HarnessEvent.TransferSent;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LeaseOracle}: a lease read served while a leader of a later term exists is caught, and only then. */
class LeaseOracleTest {

  /** Three nodes; node 1 leads term 1. */
  private static List<JournalEntry> ledByNode1() {
    List<JournalEntry> j = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      j.add(recovered(0, node, 0, 0, 0, 0, 0));
    }
    j.add(roleChanged(10, 1, "LEADER", 1));
    return j;
  }

  private static List<SafetyViolation> with(JournalEntry... extra) {
    List<JournalEntry> j = ledByNode1();
    j.addAll(List.of(extra));
    return run(j);
  }

  private static ReadAnswered lease(long at, int node) {
    return new ReadAnswered(at, node, "LEASE", at - 1, 0);
  }

  @Test
  void leaseReadsWhileTheLeaderIsTheNewestAreQuiet() {
    assertQuiet(with(lease(20, 1), lease(30, 1)));
    // A later leader after the read is no overlap; a ReadIndex read is judged elsewhere.
    assertQuiet(with(lease(20, 1), roleChanged(40, 2, "LEADER", 2)));
    // Taken on the lease before the successor was elected, answered after (waiting for its apply): linearizable.
    assertQuiet(with(roleChanged(40, 2, "LEADER", 2), new ReadAnswered(41, 1, "LEASE", 39, 0)));
    assertQuiet(with(roleChanged(40, 2, "LEADER", 2), new ReadAnswered(41, 1, "LINEARIZABLE", 40, 0)));
  }

  @Test
  void aLeaseReadAfterALaterTermElectedALeaderIsCaughtNamingBoth() {
    List<SafetyViolation> found = with(roleChanged(40, 2, "LEADER", 2), lease(42, 1));
    assertOnly(SafetyProperty.LEASE_EXCLUSIVE, found);
    String detail = found.get(0).toString();
    assertTrue(detail.contains("node 1 took a lease read as leader of term 1")
        && detail.contains("node 2 had been elected leader of term 2"), detail);
  }

  @Test
  void aNodeThatNoLongerLeadsOrRestartedIsNotJudgedByItsOldTerm() {
    assertQuiet(with(roleChanged(40, 2, "LEADER", 2), roleChanged(41, 1, "FOLLOWER", 2), lease(42, 1)));
    assertQuiet(with(roleChanged(40, 2, "LEADER", 2), new Crashed(41, 1), lease(42, 1)));
    // Re-elected in a later term than any other leader: its lease is its own again.
    assertQuiet(with(roleChanged(40, 2, "LEADER", 2), roleChanged(50, 1, "LEADER", 3), lease(51, 1)));
  }

  @Test
  void aLeaseReadAfterTheLeaderSentTimeoutNowIsCaughtEvenIfTheTransferFailed() {
    List<SafetyViolation> found = with(lease(20, 1), new TransferSent(30, 1, 3, 1), lease(40, 1));
    assertOnly(SafetyProperty.LEASE_EXCLUSIVE, found);
    assertTrue(found.get(0).toString().contains("after it sent TimeoutNow to node 3"), found.toString());
    // Taken on the lease in the same instant the hand-off left (default seed 133: one step both answered a read
    // and sent TimeoutNow): no successor can exist yet.
    assertQuiet(with(new TransferSent(30, 1, 3, 1), new ReadAnswered(30, 1, "LEASE", 30, 0)));
    // A hand-off in an earlier term does not void the lease of a later leadership.
    assertQuiet(with(new TransferSent(30, 1, 3, 1), roleChanged(40, 3, "LEADER", 2),
        roleChanged(50, 1, "LEADER", 3), lease(51, 1)));
  }
}
