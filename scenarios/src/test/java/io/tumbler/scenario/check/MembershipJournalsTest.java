package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;

import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.HarnessEvent.NodeJoined;
import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.HarnessEvent.TermSeen;
import io.tumbler.scenario.journal.HarnessEvent.VoteGranted;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration-aware checks ({@link SafetyProperty#CONFIGURATION_QUORUM}, {@link
 * SafetyProperty#CONFIGURATION_AGREEMENT}) on crafted journals: each of the four membership bugs' symptoms is
 * caught, and the same journal done right is quiet. The base: node 1 leads term 1 of bootstrap nodes 1..3, its
 * two entries committed; node 4 has joined and holds nothing yet.
 */
class MembershipJournalsTest {
  private static final List<Integer> BOOTSTRAP = List.of(1, 2, 3);

  private static List<JournalEntry> base() {
    List<JournalEntry> j = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      j.add(recovered(0, node, 0, 0, 0, 0, 0));
    }
    j.add(roleChanged(2, 1, "CANDIDATE", 1));
    j.add(voted(3, 1, 1, 1));
    j.add(hardStateSynced(3, 1, 1, 1, 0));
    j.add(new TermSeen(4, 2, 1, 1));
    j.add(voted(5, 2, 1, 1));
    j.add(hardStateSynced(5, 2, 1, 1, 0));
    j.add(new VoteGranted(5, 2, 1, 1));
    j.add(roleChanged(6, 1, "LEADER", 1));
    j.add(entriesAppended(7, 1, 1, List.of(e(1, 11), e(1, 12))));
    for (int node = 2; node <= 3; node++) {
      if (node == 3) {
        j.add(new TermSeen(8, 3, 1, 1));
      }
      j.add(roleChanged(8, node, "FOLLOWER", 1));
      j.add(entriesAppended(9, node, 1, List.of(e(1, 11), e(1, 12))));
      j.add(hardStateSynced(9, node, 1, node == 2 ? 1 : 0, 0));
      j.add(new AppendAcked(9, node, 1, 1, 2));
    }
    j.add(commitAdvanced(10, 1, 2));
    j.add(new NodeJoined(11, 4));
    j.add(recovered(11, 4, 0, 0, 0, 0, 0));
    return j;
  }

  /** The leader appends configuration entry 3 at t=12 (term 1, digest 13). */
  private static void leaderChanges(List<JournalEntry> j, List<Integer> voters, List<Integer> learners) {
    j.add(entriesAppended(12, 1, 3, List.of(e(1, 13))));
    j.add(configurationChanged(12, 1, 3, voters, learners));
  }

  /** {@code node} appends the log up to configuration entry 3 at {@code t}, reports it and acknowledges it. */
  private static void follows(List<JournalEntry> j, int node, long t, List<Integer> voters, List<Integer> learners) {
    if (node == 4) {
      j.add(new TermSeen(t, 4, 1, 1));
      j.add(roleChanged(t, 4, "FOLLOWER", 1));
    }
    j.add(entriesAppended(t, node, 1, List.of(e(1, 11), e(1, 12), e(1, 13))));
    j.add(hardStateSynced(t, node, 1, node == 2 ? 1 : 0, 0));
    j.add(configurationChanged(t, node, 3, voters, learners));
    j.add(new AppendAcked(t, node, 1, 1, 3));
  }

  @Test
  void aCommitCountingALearnerIsCaughtAndOneByAVoterMajorityIsQuiet() {
    List<JournalEntry> j = base();
    leaderChanges(j, BOOTSTRAP, List.of(4));
    follows(j, 4, 13, BOOTSTRAP, List.of(4));
    j.add(commitAdvanced(14, 1, 3)); // held by leader 1 and learner 4: one voter of three
    assertOnly(SafetyProperty.CONFIGURATION_QUORUM, run(j));
    j.add(j.size() - 1, entriesAppended(13, 2, 3, List.of(e(1, 13))));
    j.add(j.size() - 1, new AppendAcked(13, 2, 1, 1, 3)); // voter 2 holds it too
    assertQuiet(run(j));
  }

  @Test
  void aRemovedLeaderCountingItselfIsCaught() {
    List<JournalEntry> j = base();
    leaderChanges(j, List.of(2, 3), List.of()); // node 1 removes itself
    follows(j, 2, 13, List.of(2, 3), List.of());
    j.add(commitAdvanced(14, 1, 3)); // held by 1 (no voter any more) and 2: one of voters 2, 3
    assertOnly(SafetyProperty.CONFIGURATION_QUORUM, run(j));
    j.add(j.size() - 1, entriesAppended(13, 3, 3, List.of(e(1, 13))));
    j.add(j.size() - 1, new AppendAcked(13, 3, 1, 1, 3));
    assertQuiet(run(j));
  }

  @Test
  void aCommitJournaledBeforeTheChangeOfTheSameStepIsJudgedUnderBothConfigurations() {
    List<JournalEntry> j = base();
    j.add(entriesAppended(12, 1, 3, List.of(e(1, 13))));
    j.add(entriesAppended(12, 2, 3, List.of(e(1, 13))));
    j.add(new AppendAcked(12, 2, 1, 1, 3));
    j.add(commitAdvanced(13, 1, 3)); // voters 1, 2 of 1..3
    j.add(entriesAppended(14, 1, 4, List.of(e(1, 14))));
    j.add(entriesAppended(14, 2, 4, List.of(e(1, 14))));
    j.add(new AppendAcked(14, 2, 1, 1, 4));
    j.add(commitAdvanced(15, 1, 4)); // 1 and 2: a majority of 1, 2 (after the change below), not of 1..4
    j.add(configurationChanged(15, 1, 4, List.of(1, 2), List.of()));
    j.add(hardStateSynced(16, 1, 1, 1, 4));
    assertQuiet(run(j));
  }

  @Test
  void aReadConfirmedByALearnerIsCaught() {
    List<JournalEntry> j = base();
    leaderChanges(j, BOOTSTRAP, List.of(4));
    j.add(new ReadAnswered(20, 1, "LINEARIZABLE", 18, 2, List.of(4)));
    assertOnly(SafetyProperty.CONFIGURATION_QUORUM, run(j));
    j.set(j.size() - 1, new ReadAnswered(20, 1, "LINEARIZABLE", 18, 2, List.of(2)));
    assertQuiet(run(j));
  }

  @Test
  void anElectionWonWithALearnersVoteIsCaught() {
    List<JournalEntry> j = base();
    leaderChanges(j, BOOTSTRAP, List.of(4));
    follows(j, 2, 13, BOOTSTRAP, List.of(4));
    follows(j, 4, 13, BOOTSTRAP, List.of(4));
    j.add(roleChanged(20, 2, "CANDIDATE", 2));
    j.add(voted(20, 2, 2, 2));
    j.add(hardStateSynced(20, 2, 2, 2, 0));
    j.addAll(grant(4));
    j.add(roleChanged(22, 2, "LEADER", 2));
    assertOnly(SafetyProperty.CONFIGURATION_QUORUM, run(j));
    j.subList(j.size() - 5, j.size() - 1).clear();
    j.addAll(j.size() - 1, grant(3));
    assertQuiet(run(j));
  }

  /** {@code voter} grants node 2 its vote in term 2, durably. */
  private static List<JournalEntry> grant(int voter) {
    return List.of(new TermSeen(21, voter, 2, 2), voted(21, voter, 2, 2), hardStateSynced(21, voter, 2, 2, 0),
        new VoteGranted(21, voter, 2, 2));
  }

  @Test
  void aChangeBeforeAnEntryOfTheLeadersTermCommittedIsCaught() {
    List<JournalEntry> j = base();
    j.remove(indexOfCommit(j)); // nothing of term 1 committed yet
    leaderChanges(j, BOOTSTRAP, List.of(4));
    assertOnly(SafetyProperty.CONFIGURATION_AGREEMENT, run(j));
    assertQuiet(run(withChange(base())));
  }

  private static List<JournalEntry> withChange(List<JournalEntry> j) {
    leaderChanges(j, BOOTSTRAP, List.of(4));
    return j;
  }

  @Test
  void aSecondChangeWhileTheFirstIsUncommittedIsCaught() {
    List<JournalEntry> j = withChange(base());
    follows(j, 2, 13, BOOTSTRAP, List.of(4));
    j.add(entriesAppended(15, 1, 4, List.of(e(1, 14))));
    j.add(configurationChanged(15, 1, 4, List.of(1, 2, 3, 4), List.of()));
    assertOnly(SafetyProperty.CONFIGURATION_AGREEMENT, run(j));
    j.add(j.size() - 2, commitAdvanced(14, 1, 3));
    assertQuiet(run(j));
  }

  /** The change at 3 (node 4 a learner) committed with node 2's copy; node 4's log is then replaced by a snapshot at 3. */
  private static List<JournalEntry> node4TakesTheSnapshotOfTheCommittedChange() {
    List<JournalEntry> j = withChange(base());
    follows(j, 2, 13, BOOTSTRAP, List.of(4));
    j.add(commitAdvanced(14, 1, 3));
    j.add(logReplacedBySnapshot(20, 4, 3, 1));
    return j;
  }

  @Test
  void aSnapshotInstallThatDropsTheConfigurationIsCaught() {
    List<JournalEntry> j = node4TakesTheSnapshotOfTheCommittedChange();
    j.add(snapshotInstalled(20, 4, 3, 1, 77)); // node 4 still on the bootstrap configuration
    assertOnly(SafetyProperty.CONFIGURATION_AGREEMENT, run(j));
    j.add(j.size() - 1, configurationChanged(20, 4, 3, BOOTSTRAP, List.of(4)));
    assertQuiet(run(j));
  }

  @Test
  void aSnapshotCarryingAConfigurationOtherThanTheOneInEffectAtItsIndexIsCaught() {
    List<JournalEntry> j = node4TakesTheSnapshotOfTheCommittedChange();
    // the snapshot at 3 records a later change (node 4 promoted) that the log at 3 does not hold
    j.add(configurationChanged(20, 4, 3, List.of(1, 2, 3, 4), List.of()));
    j.add(snapshotInstalled(20, 4, 3, 1, 77));
    assertOnly(SafetyProperty.CONFIGURATION_AGREEMENT, run(j));
  }

  @Test
  void oneEntryReadAsTwoConfigurationsIsCaught() {
    List<JournalEntry> j = withChange(base());
    follows(j, 2, 13, List.of(1, 2, 3, 4), List.of());
    assertOnly(SafetyProperty.CONFIGURATION_AGREEMENT, run(j));
  }

  private static int indexOfCommit(List<JournalEntry> j) {
    for (int i = 0; i < j.size(); i++) {
      if (j.get(i).payload() instanceof Observation.CommitAdvanced) {
        return i;
      }
    }
    throw new AssertionError("no commit in the base journal");
  }
}
