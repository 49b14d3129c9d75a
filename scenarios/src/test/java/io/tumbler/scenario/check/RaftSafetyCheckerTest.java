package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.Applied;
import io.tumbler.scenario.journal.JournalEvent.ClientAcked;
import io.tumbler.scenario.journal.JournalEvent.CommitAdvanced;
import io.tumbler.scenario.journal.JournalEvent.Crashed;
import io.tumbler.scenario.journal.JournalEvent.EntriesAppended;
import io.tumbler.scenario.journal.JournalEvent.EntriesTruncated;
import io.tumbler.scenario.journal.JournalEvent.EntryId;
import io.tumbler.scenario.journal.JournalEvent.HardStateSynced;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import io.tumbler.scenario.journal.JournalEvent.RoleChanged;
import io.tumbler.scenario.journal.JournalEvent.Voted;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each property fires on a crafted violating journal and stays quiet on a valid one. */
class RaftSafetyCheckerTest {

  /** A valid three-node history: election in term 1, two entries replicated, committed and applied. */
  private static List<JournalEvent> validPrefix() {
    List<JournalEvent> j = new ArrayList<>();
    j.add(new RoleChanged(1, 1, "CANDIDATE", 1));
    j.add(new Voted(1, 1, 1, 1));
    j.add(new Voted(2, 2, 1, 1));
    j.add(new RoleChanged(3, 1, "LEADER", 1));
    for (int node = 1; node <= 3; node++) {
      j.add(new EntriesAppended(4, node, 1, List.of(e(1, 11), e(1, 12))));
    }
    for (int node = 1; node <= 3; node++) {
      j.add(new CommitAdvanced(5, node, 2));
      j.add(new HardStateSynced(5, node, 1, node == 3 ? 0 : 1, 2));
      j.add(new Applied(6, node, 1, 1, 11, 100));
      j.add(new Applied(6, node, 2, 1, 12, 200));
    }
    j.add(new ClientAcked(7, 1, 9, 1, 2, 1, 12));
    return j;
  }



  private static List<SafetyViolation> withExtra(JournalEvent... extra) {
    List<JournalEvent> j = validPrefix();
    j.addAll(List.of(extra));
    return run(j);
  }


  @Test
  void validJournalIsQuiet() {
    assertEquals(List.of(), run(validPrefix()));
  }

  @Test
  void validFailoverWithTruncationIsQuiet() {
    List<JournalEvent> j = validPrefix();
    j.add(new EntriesAppended(8, 1, 3, List.of(e(1, 13)))); // uncommitted tail on the old leader
    j.add(new Crashed(9, 1));
    j.add(new RoleChanged(10, 2, "LEADER", 2));
    j.add(new EntriesAppended(10, 2, 3, List.of(e(2, 21))));
    j.add(new Recovered(11, 1, 1, 1, 2, 0, 0));
    j.add(new EntriesAppended(11, 1, 1, List.of(e(1, 11), e(1, 12), e(1, 13))));
    j.add(new EntriesTruncated(12, 1, 3));
    j.add(new EntriesAppended(12, 1, 3, List.of(e(2, 21))));
    j.add(new CommitAdvanced(13, 2, 3));
    j.add(new CommitAdvanced(13, 1, 3));
    assertEquals(List.of(), run(j));
  }

  @Test
  void twoLeadersInOneTermBreakElectionSafety() {
    List<SafetyViolation> v = withExtra(new RoleChanged(8, 2, "LEADER", 1));
    assertOnly(SafetyProperty.ELECTION_SAFETY, v);
    assertEquals(List.of(1, 2), v.get(0).nodes());
    assertEquals(1, v.get(0).term());
  }

  @Test
  void leaderOverwritingItsLogBreaksLeaderAppendOnly() {
    assertOnly(SafetyProperty.LEADER_APPEND_ONLY,
        withExtra(new EntriesAppended(8, 1, 3, List.of(e(1, 13))), new EntriesTruncated(9, 1, 3)));
    // Overwriting with another entry of the same term also breaks Log Matching: (index, term) names one entry.
    List<SafetyViolation> v = withExtra(
        new EntriesAppended(8, 1, 3, List.of(e(1, 13))), new EntriesAppended(9, 1, 3, List.of(e(1, 99))));
    assertEquals(SafetyProperty.LEADER_APPEND_ONLY, v.get(0).property(), v.toString());
  }

  @Test
  void sameIndexAndTermWithDifferentPrefixBreaksLogMatching() {
    List<SafetyViolation> v = withExtra(
        new EntriesAppended(8, 2, 3, List.of(e(1, 13), e(1, 14))),
        new EntriesAppended(9, 3, 3, List.of(e(1, 77), e(1, 14))));
    assertOnly(SafetyProperty.LOG_MATCHING, v);
    assertEquals(3, v.get(0).index(), "index 3 has the same term on both nodes but another entry");
    assertEquals(List.of(2, 3), v.get(0).nodes());
  }

  @Test
  void appendPastTheEndBreaksLogMatching() {
    assertOnly(SafetyProperty.LOG_MATCHING, withExtra(new EntriesAppended(8, 3, 5, List.of(e(1, 15)))));
  }

  @Test
  void newLeaderWithoutCommittedEntryBreaksLeaderCompleteness() {
    List<SafetyViolation> v = withExtra(
        new EntriesTruncated(8, 3, 2),
        new RoleChanged(9, 3, "LEADER", 2));
    assertEquals(SafetyProperty.LEADER_COMPLETENESS, v.get(0).property());
    assertTrue(v.stream().anyMatch(x -> x.event() instanceof RoleChanged && x.index() == 2), v.toString());
  }

  @Test
  void differentEntriesAppliedAtOneIndexBreakStateMachineSafety() {
    List<JournalEvent> j = new ArrayList<>();
    j.add(new EntriesAppended(1, 1, 1, List.of(e(1, 11))));
    j.add(new EntriesAppended(1, 2, 1, List.of(e(2, 22))));
    j.add(new CommitAdvanced(2, 2, 1));
    j.add(new Applied(2, 2, 1, 2, 22, 5));
    j.add(new CommitAdvanced(2, 1, 1));
    j.add(new Applied(3, 1, 1, 1, 11, 6));
    List<SafetyViolation> v = run(j);
    assertTrue(v.stream().anyMatch(x -> x.property() == SafetyProperty.STATE_MACHINE_SAFETY), v.toString());
  }

  @Test
  void applyingBeforeCommitBreaksStateMachineSafety() {
    assertOnly(SafetyProperty.STATE_MACHINE_SAFETY,
        withExtra(new EntriesAppended(8, 2, 3, List.of(e(1, 13))), new Applied(9, 2, 3, 1, 13, 300)));
  }

  @Test
  void twoVotesInOneTermAcrossARestartAreCaught() {
    List<SafetyViolation> v =
        withExtra(new Crashed(8, 2), new Recovered(9, 2, 1, 0, 2, 0, 0), new Voted(10, 2, 1, 3));
    // The restart that forgot the vote is itself caught (VOTE_DURABLE_BEFORE_SENT), before the second vote.
    assertEquals(List.of(SafetyProperty.VOTE_DURABLE_BEFORE_SENT, SafetyProperty.ONE_VOTE_PER_TERM),
        v.stream().map(SafetyViolation::property).distinct().collect(Collectors.toList()), v.toString());
  }

  @Test
  void commitIndexGoingDownIsCaught() {
    assertOnly(SafetyProperty.COMMIT_MONOTONIC, withExtra(new CommitAdvanced(8, 2, 1)));
    assertOnly(SafetyProperty.COMMIT_MONOTONIC,
        withExtra(new Crashed(8, 2), new Recovered(9, 2, 1, 1, 1, 0, 0)));
  }

  @Test
  void ackBeforeCommitAndLostAckAreCaught() {
    assertOnly(SafetyProperty.ACKED_WRITE_DURABLE,
        withExtra(new EntriesAppended(8, 1, 3, List.of(e(1, 13))), new ClientAcked(9, 1, 9, 2, 3, 1, 13)));
  }

  @Test
  void ackAnsweredFromASnapshotSessionTableIsJudgedByIndexOnly() {
    assertEquals(List.of(), withExtra(new ClientAcked(8, 2, 9, 3, 2, 0, 0)));
    assertOnly(SafetyProperty.ACKED_WRITE_DURABLE, withExtra(new ClientAcked(8, 2, 9, 3, 7, 0, 0)));
  }

  @Test
  void divergentStateDigestsAreCaught() {
    List<JournalEvent> j = validPrefix();
    j.set(j.size() - 2, new Applied(6, 3, 2, 1, 12, 201));
    assertOnly(SafetyProperty.STATE_DIGEST_AGREEMENT, run(j));
  }

  /**
   * Node 6, a rejoined host's new incarnation, catches up from leader 1's snapshot at index 2 and then applies
   * index 3 by replication: both its installed state and its next apply are compared with the replicas' digests.
   */
  private static List<SafetyViolation> rejoinedNodeCatchesUp(long installedDigest, long appliedDigest) {
    List<JournalEvent> j = validPrefix();
    j.add(new JournalEvent.NodeJoined(8, 6));
    j.add(new JournalEvent.LogReplacedBySnapshot(9, 6, 2, 1));
    j.add(new CommitAdvanced(9, 6, 2));
    j.add(new JournalEvent.SnapshotInstalled(9, 6, 2, 1, installedDigest));
    for (int node : new int[] {1, 6}) {
      j.add(new EntriesAppended(10, node, 3, List.of(e(1, 13))));
      j.add(new CommitAdvanced(11, node, 3));
      j.add(new Applied(12, node, 3, 1, 13, node == 1 ? 300 : appliedDigest));
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
    assertEquals(List.of(), withExtra(new JournalEvent.SnapshotRejected(8, 3, 2, 200, 201)));
  }

  @Test
  void violationNamesTheDetectingEvent() {
    List<SafetyViolation> v = withExtra(new RoleChanged(8, 2, "LEADER", 1));
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
    List<JournalEvent> j = new ArrayList<>();
    j.add(new Voted(1, 1, 1, 1));
    j.add(new Voted(1, 2, 1, 1));
    j.add(new RoleChanged(2, 2, "LEADER", 2));
    j.add(new RoleChanged(2, 3, "FOLLOWER", 2));
    for (int node = 2; node <= 3; node++) {
      j.add(new EntriesAppended(3, node, 1, List.of(e(2, 21))));
      j.add(new CommitAdvanced(4, node, 1));
    }
    j.add(new RoleChanged(5, 1, "LEADER", 1)); // node 1 acts on its term-1 votes only now
    j.add(new EntriesAppended(5, 1, 1, List.of(e(1, 11))));
    assertEquals(List.of(), run(new ArrayList<>(j)));
    j.add(new RoleChanged(6, 1, "FOLLOWER", 3));
    j.add(new RoleChanged(7, 1, "LEADER", 3));
    assertOnly(SafetyProperty.LEADER_COMPLETENESS, run(j));
  }
}
