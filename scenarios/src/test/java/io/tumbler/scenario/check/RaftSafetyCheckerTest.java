package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each property fires on a crafted violating journal and stays quiet on a valid one. */
class RaftSafetyCheckerTest {

  /** A valid three-node history: election in term 1, two entries replicated, committed and applied. */
  private static List<JournalEntry> validPrefix() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(roleChanged(1, 1, "CANDIDATE", 1));
    j.add(voted(1, 1, 1, 1));
    j.add(voted(2, 2, 1, 1));
    j.add(roleChanged(3, 1, "LEADER", 1));
    for (int node = 1; node <= 3; node++) {
      j.add(entriesAppended(4, node, 1, List.of(e(1, 11), e(1, 12))));
    }
    for (int node = 1; node <= 3; node++) {
      j.add(commitAdvanced(5, node, 2));
      j.add(hardStateSynced(5, node, 1, node == 3 ? 0 : 1, 2));
      j.add(applied(6, node, 1, 1, 11, 100));
      j.add(applied(6, node, 2, 1, 12, 200));
    }
    j.add(clientAcked(7, 1, 9, 1, 2, 1, 12));
    return j;
  }



  private static List<SafetyViolation> withExtra(JournalEntry... extra) {
    List<JournalEntry> j = validPrefix();
    j.addAll(List.of(extra));
    return run(j);
  }


  @Test
  void validJournalIsQuiet() {
    assertEquals(List.of(), run(validPrefix()));
  }

  @Test
  void validFailoverWithTruncationIsQuiet() {
    List<JournalEntry> j = validPrefix();
    j.add(entriesAppended(8, 1, 3, List.of(e(1, 13)))); // uncommitted tail on the old leader
    j.add(new Crashed(9, 1));
    j.add(roleChanged(10, 2, "LEADER", 2));
    j.add(entriesAppended(10, 2, 3, List.of(e(2, 21))));
    j.add(recovered(11, 1, 1, 1, 2, 0, 0));
    j.add(entriesAppended(11, 1, 1, List.of(e(1, 11), e(1, 12), e(1, 13))));
    j.add(entriesTruncated(12, 1, 3));
    j.add(entriesAppended(12, 1, 3, List.of(e(2, 21))));
    j.add(commitAdvanced(13, 2, 3));
    j.add(commitAdvanced(13, 1, 3));
    assertEquals(List.of(), run(j));
  }

  @Test
  void twoLeadersInOneTermBreakElectionSafety() {
    List<SafetyViolation> v = withExtra(roleChanged(8, 2, "LEADER", 1));
    assertOnly(SafetyProperty.ELECTION_SAFETY, v);
    assertEquals(List.of(1, 2), v.get(0).nodes());
    assertEquals(1, v.get(0).term());
  }

  @Test
  void leaderOverwritingItsLogBreaksLeaderAppendOnly() {
    assertOnly(SafetyProperty.LEADER_APPEND_ONLY,
        withExtra(entriesAppended(8, 1, 3, List.of(e(1, 13))), entriesTruncated(9, 1, 3)));
    // Overwriting with another entry of the same term also breaks Log Matching: (index, term) names one entry.
    List<SafetyViolation> v = withExtra(
        entriesAppended(8, 1, 3, List.of(e(1, 13))), entriesAppended(9, 1, 3, List.of(e(1, 99))));
    assertEquals(SafetyProperty.LEADER_APPEND_ONLY, v.get(0).property(), v.toString());
  }

  @Test
  void sameIndexAndTermWithDifferentPrefixBreaksLogMatching() {
    List<SafetyViolation> v = withExtra(
        entriesAppended(8, 2, 3, List.of(e(1, 13), e(1, 14))),
        entriesAppended(9, 3, 3, List.of(e(1, 77), e(1, 14))));
    assertOnly(SafetyProperty.LOG_MATCHING, v);
    assertEquals(3, v.get(0).index(), "index 3 has the same term on both nodes but another entry");
    assertEquals(List.of(2, 3), v.get(0).nodes());
  }

  @Test
  void appendPastTheEndBreaksLogMatching() {
    assertOnly(SafetyProperty.LOG_MATCHING, withExtra(entriesAppended(8, 3, 5, List.of(e(1, 15)))));
  }

  @Test
  void newLeaderWithoutCommittedEntryBreaksLeaderCompleteness() {
    List<SafetyViolation> v = withExtra(
        entriesTruncated(8, 3, 2),
        roleChanged(9, 3, "LEADER", 2));
    assertEquals(SafetyProperty.LEADER_COMPLETENESS, v.get(0).property());
    assertTrue(v.stream().anyMatch(x -> x.event().payload() instanceof Observation.BecameLeader && x.index() == 2), v.toString());
  }

  @Test
  void differentEntriesAppliedAtOneIndexBreakStateMachineSafety() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(entriesAppended(1, 1, 1, List.of(e(1, 11))));
    j.add(entriesAppended(1, 2, 1, List.of(e(2, 22))));
    j.add(commitAdvanced(2, 2, 1));
    j.add(applied(2, 2, 1, 2, 22, 5));
    j.add(commitAdvanced(2, 1, 1));
    j.add(applied(3, 1, 1, 1, 11, 6));
    List<SafetyViolation> v = run(j);
    assertTrue(v.stream().anyMatch(x -> x.property() == SafetyProperty.STATE_MACHINE_SAFETY), v.toString());
  }

  @Test
  void applyingBeforeCommitBreaksStateMachineSafety() {
    assertOnly(SafetyProperty.STATE_MACHINE_SAFETY,
        withExtra(entriesAppended(8, 2, 3, List.of(e(1, 13))), applied(9, 2, 3, 1, 13, 300)));
  }

  @Test
  void twoVotesInOneTermAcrossARestartAreCaught() {
    List<SafetyViolation> v =
        withExtra(new Crashed(8, 2), recovered(9, 2, 1, 0, 2, 0, 0), voted(10, 2, 1, 3));
    // The restart that forgot the vote is itself caught (VOTE_DURABLE_BEFORE_SENT), before the second vote.
    assertEquals(List.of(SafetyProperty.VOTE_DURABLE_BEFORE_SENT, SafetyProperty.ONE_VOTE_PER_TERM),
        v.stream().map(SafetyViolation::property).distinct().collect(Collectors.toList()), v.toString());
  }

  @Test
  void commitIndexGoingDownIsCaught() {
    assertOnly(SafetyProperty.COMMIT_MONOTONIC, withExtra(commitAdvanced(8, 2, 1)));
    assertOnly(SafetyProperty.COMMIT_MONOTONIC,
        withExtra(new Crashed(8, 2), recovered(9, 2, 1, 1, 1, 0, 0)));
  }

  @Test
  void ackBeforeCommitAndLostAckAreCaught() {
    assertOnly(SafetyProperty.ACKED_WRITE_DURABLE,
        withExtra(entriesAppended(8, 1, 3, List.of(e(1, 13))), clientAcked(9, 1, 9, 2, 3, 1, 13)));
  }

  @Test
  void ackAnsweredFromASnapshotSessionTableIsJudgedByIndexOnly() {
    assertEquals(List.of(), withExtra(clientAcked(8, 2, 9, 3, 2, 0, 0)));
    assertOnly(SafetyProperty.ACKED_WRITE_DURABLE, withExtra(clientAcked(8, 2, 9, 3, 7, 0, 0)));
  }

  @Test
  void divergentStateDigestsAreCaught() {
    List<JournalEntry> j = validPrefix();
    j.set(j.size() - 2, applied(6, 3, 2, 1, 12, 201));
    assertOnly(SafetyProperty.STATE_DIGEST_AGREEMENT, run(j));
  }

  /**
   * Node 6, a rejoined host's new incarnation, catches up from leader 1's snapshot at index 2 and then applies
   * index 3 by replication: both its installed state and its next apply are compared with the replicas' digests.
   */
  private static List<SafetyViolation> rejoinedNodeCatchesUp(long installedDigest, long appliedDigest) {
    List<JournalEntry> j = validPrefix();
    j.add(new HarnessEvent.NodeJoined(8, 6));
    j.add(logReplacedBySnapshot(9, 6, 2, 1));
    j.add(commitAdvanced(9, 6, 2));
    j.add(snapshotInstalled(9, 6, 2, 1, installedDigest));
    for (int node : new int[] {1, 6}) {
      j.add(entriesAppended(10, node, 3, List.of(e(1, 13))));
      j.add(commitAdvanced(11, node, 3));
      j.add(applied(12, node, 3, 1, 13, node == 1 ? 300 : appliedDigest));
    }
    return run(j);
  }

  @Test
  void aRejoinedNodeMustHoldTheLeadersStateAtTheSnapshotAndAfter() {
    assertEquals(List.of(), rejoinedNodeCatchesUp(200, 300), "the same digests as the leader at indexes 2 and 3");
    assertOnly(SafetyProperty.STATE_DIGEST_AGREEMENT, rejoinedNodeCatchesUp(201, 300)); // installed a wrong state
    assertOnly(SafetyProperty.STATE_DIGEST_AGREEMENT, rejoinedNodeCatchesUp(200, 301)); // diverged after catch-up
  }

  @Test
  void aRefusedSnapshotChangesNothingTheCheckerSees() {
    assertEquals(List.of(), withExtra(snapshotRejected(8, 3, 2, 200, 201)));
  }

  @Test
  void violationNamesTheDetectingEvent() {
    List<SafetyViolation> v = withExtra(roleChanged(8, 2, "LEADER", 1));
    assertEquals(validPrefix().size(), v.get(0).eventNumber());
    assertTrue(v.get(0).describe().contains("ELECTION_SAFETY"));
  }

  /**
   * Default seed 7842: node 1 won term 1, was paused before it acted on its votes, and became leader of term
   * 1 after term 2 had committed index 1. A stale leader, legal in Raft (the property covers entries committed
   * in EARLIER terms); a leader of a later term lacking the entry still breaks it.
   */
  @Test
  void aStaleLeaderObservedAfterANewerTermCommittedIsNotALeaderCompletenessViolation() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(voted(1, 1, 1, 1));
    j.add(voted(1, 2, 1, 1));
    j.add(roleChanged(2, 2, "LEADER", 2));
    j.add(roleChanged(2, 3, "FOLLOWER", 2));
    for (int node = 2; node <= 3; node++) {
      j.add(entriesAppended(3, node, 1, List.of(e(2, 21))));
      j.add(commitAdvanced(4, node, 1));
    }
    j.add(roleChanged(5, 1, "LEADER", 1)); // node 1 acts on its term-1 votes only now
    j.add(entriesAppended(5, 1, 1, List.of(e(1, 11))));
    assertEquals(List.of(), run(new ArrayList<>(j)));
    j.add(roleChanged(6, 1, "FOLLOWER", 3));
    j.add(roleChanged(7, 1, "LEADER", 3));
    assertOnly(SafetyProperty.LEADER_COMPLETENESS, run(j));
  }
}
