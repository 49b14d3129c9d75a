package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;

import io.tumbler.scenario.journal.HarnessEvent.HandshakeHost;
import io.tumbler.scenario.journal.HarnessEvent.HandshakeReplayed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SafetyProperty#JOIN_AUTHENTICATED} and {@link SafetyProperty#INCARNATION_MONOTONIC} on crafted journals:
 * each rejoin bug's symptom is caught, and the same journal done right is quiet. The base: host 4 joins as node 4
 * by handshake and leader 1 admits it on nonce 100.
 */
class JoinJournalsTest {
  private static List<JournalEntry> base() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(new HandshakeHost(1, 4, 4, 0, true));
    j.add(joinAdmitted(2, 1, 4, 4, 0, 100));
    j.add(configurationChanged(3, 1, 5, List.of(1, 2, 3), List.of(4)));
    return j;
  }

  @Test
  void anHonestJoinAndARefusedImpostorAreQuiet() {
    List<JournalEntry> j = base();
    j.add(new HandshakeHost(4, 5, 5, 0, false));
    j.add(joinRejected(5, 1, 5, 5, 0, "BAD_PROOF"));
    j.add(new HandshakeReplayed(6, 1, 4, 100));
    j.add(joinRejected(6, 1, 4, 4, 0, "REPLAYED_NONCE"));
    j.add(new HandshakeHost(7, 6, 4, 1, true)); // host 4 wiped: back as node 6 in incarnation 1
    j.add(joinAdmitted(8, 1, 6, 4, 1, 101));
    j.add(configurationChanged(9, 1, 7, List.of(1, 2, 3, 4), List.of(6)));
    assertQuiet(run(j));
  }

  @Test
  void anImpostorAdmittedIsCaught() {
    List<JournalEntry> j = base();
    j.add(new HandshakeHost(4, 5, 5, 0, false));
    j.add(joinAdmitted(5, 1, 5, 5, 0, 101));
    assertOnly(SafetyProperty.JOIN_AUTHENTICATED, run(j));
  }

  @Test
  void aReplayedProofAdmittingIsCaught() {
    List<JournalEntry> j = base();
    j.add(new HandshakeReplayed(4, 1, 4, 100));
    j.add(joinAdmitted(5, 1, 4, 4, 0, 100));
    assertOnly(SafetyProperty.JOIN_AUTHENTICATED, run(j));
  }

  @Test
  void aReplayThatOvertakesTheGenuineProofAdmitsOnceAndIsQuiet() {
    // Rejoin seed 2651: the nemesis re-sent host 5's proof before the network delivered it; the leader admitted on
    // the copy (the same bytes from the same host) and the genuine proof that followed was refused as a replay.
    List<JournalEntry> j = base();
    j.add(new HandshakeHost(4, 5, 5, 0, true));
    j.add(new HandshakeReplayed(5, 1, 5, 101));
    j.add(joinAdmitted(5, 1, 5, 5, 0, 101));
    j.add(joinRejected(6, 1, 5, 5, 0, "REPLAYED_NONCE"));
    assertQuiet(run(j));
  }

  @Test
  void aHandshakeHostInAConfigurationWithoutAdmissionIsCaught() {
    List<JournalEntry> j = base();
    j.add(new HandshakeHost(4, 5, 5, 0, true));
    j.add(configurationChanged(5, 2, 6, List.of(1, 2, 3), List.of(4, 5)));
    assertOnly(SafetyProperty.JOIN_AUTHENTICATED, run(j));
  }

  @Test
  void aWipedHostAdmittedUnderItsOldIncarnationIsCaught() {
    List<JournalEntry> j = base();
    j.add(new HandshakeHost(4, 6, 4, 0, true));
    j.add(joinAdmitted(5, 1, 6, 4, 0, 101));
    assertOnly(SafetyProperty.INCARNATION_MONOTONIC, run(j));
  }

  @Test
  void aBootstrapHostAdmittedAgainInIncarnationZeroIsCaught() {
    List<JournalEntry> j = base();
    j.add(recovered(4, 2, 0, 0, 0, 0, 0)); // bootstrap node 2: host 2 in incarnation 0
    j.add(new HandshakeHost(5, 6, 2, 1, true));
    j.add(joinAdmitted(6, 1, 6, 2, 1, 101)); // its next incarnation: fine
    j.add(new HandshakeHost(7, 7, 2, 0, true));
    j.add(joinAdmitted(8, 3, 7, 2, 0, 102)); // its old one, by another leader
    assertOnly(SafetyProperty.INCARNATION_MONOTONIC, run(j));
  }
}
