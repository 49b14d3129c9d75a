package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.e;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;

import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.HarnessEvent.CampaignStarted;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.HarnessEvent.ReadAnswered;
import io.tumbler.scenario.journal.HarnessEvent.TermSeen;
import io.tumbler.scenario.journal.HarnessEvent.VoteGranted;
import io.tumbler.scenario.journal.HarnessEvent.VoteRequested;
import io.tumbler.scenario.journal.HarnessEvent.Wiped;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal oracles (term, durability ordering, vote log check, read freshness): each fires on a crafted
 * journal that breaks it, and stays quiet on the same journal done right. The base is a three-node election
 * and replication as a live run journals it, wire observations included.
 */
class JournalOraclesTest {

  /** Node 1 is elected in term 1 by node 2, then replicates two entries of term 1 to 2 and 3, durably. */
  private static List<JournalEntry> election() {
    List<JournalEntry> j = new ArrayList<>();
    for (int node = 1; node <= 3; node++) {
      j.add(recovered(0, node, 0, 0, 0, 0, 0));
    }
    j.add(roleChanged(1, 1, "PRE_CANDIDATE", 0));
    j.add(roleChanged(2, 1, "CANDIDATE", 1));
    j.add(voted(3, 1, 1, 1));
    j.add(hardStateSynced(3, 1, 1, 1, 0));
    j.add(new TermSeen(4, 2, 1, 1));
    j.add(new VoteRequested(4, 2, 1, 1, 0, 0));
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
    return j;
  }



  private static List<SafetyViolation> withExtra(JournalEntry... extra) {
    List<JournalEntry> j = election();
    j.addAll(List.of(extra));
    return run(j);
  }



  @Test
  void aCorrectElectionAndReplicationIsQuiet() {
    assertQuiet(run(election()));
  }

  // ---- TERM_MONOTONIC -----------------------------------------------------------------------------

  @Test
  void aTermGoingBackWithinAnIncarnationIsCaught() {
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(roleChanged(10, 3, "FOLLOWER", 0)));
  }

  @Test
  void aRestartBelowTheDurableTermIsCaughtAndAWipeIsExempt() {
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(new Crashed(10, 3), recovered(11, 3, 0, 0, 0, 0, 0)));
    assertQuiet(withExtra(new Crashed(10, 3), new Wiped(10, 3), recovered(11, 3, 0, 0, 0, 0, 0)));
    assertQuiet(withExtra(new Crashed(10, 3), recovered(11, 3, 1, 0, 0, 0, 0)));
  }

  @Test
  void aPreCandidateThatRaisesItsOwnTermIsCaught() {
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(roleChanged(10, 3, "PRE_CANDIDATE", 1),
        hardStateSynced(11, 3, 2, 0, 0)));
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(roleChanged(10, 3, "PRE_CANDIDATE", 2)));
  }

  @Test
  void aVoterThatAdoptsAPreVoteTermIsCaught() {
    // Node 3 only saw node 2's pre-vote request for term 2 (not journaled as a TermSeen): it must stay in term 1.
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(hardStateSynced(10, 3, 2, 0, 0)));
  }

  @Test
  void termRisesByElectionOrByAHigherTermMessageAreQuiet() {
    assertQuiet(withExtra(roleChanged(10, 3, "PRE_CANDIDATE", 1), roleChanged(11, 3, "CANDIDATE", 2),
        hardStateSynced(11, 3, 2, 3, 0)));
    assertQuiet(withExtra(roleChanged(10, 3, "PRE_CANDIDATE", 1), new TermSeen(11, 3, 2, 4),
        roleChanged(11, 3, "FOLLOWER", 4), hardStateSynced(12, 3, 4, 0, 0)));
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(roleChanged(11, 3, "CANDIDATE", 3)));
  }

  @Test
  void aCampaignBeatenWithinOneBatchIsExplainedByItsCampaignEvent() {
    // Default seed 7898: node 3 campaigns on TimeoutNow while its previous sync is in flight, and is beaten in
    // the same batch of messages; candidate and follower collapse into no role change, and its vote for itself
    // surfaces later. The harness's campaign event explains the rise.
    CampaignStarted transfer = new CampaignStarted(10, 3, 2, "ELECTION_ON_TRANSFER", "TimeoutNow", 40, 6);
    assertQuiet(withExtra(transfer, voted(12, 3, 2, 3), hardStateSynced(12, 3, 2, 3, 0)));
    // ...but only by one term, and a pre-vote explains nothing.
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(
        new CampaignStarted(10, 3, 3, "ELECTION_ON_TRANSFER", "TimeoutNow", 40, 6)));
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(
        new CampaignStarted(10, 3, 2, "PRE_VOTE_STARTED", "TICK", 40, 6), hardStateSynced(12, 3, 2, 3, 0)));
  }

  @Test
  void aCandidateCampaigningAgainIsQuietButAPreCandidateVotingForItselfIsCaught() {
    // Without PreVote a candidate whose election timed out starts the next one without a role change.
    assertQuiet(withExtra(new TermSeen(10, 3, 2, 2), roleChanged(10, 3, "CANDIDATE", 2),
        voted(11, 3, 2, 3), hardStateSynced(11, 3, 2, 3, 0), voted(12, 3, 3, 3),
        hardStateSynced(12, 3, 3, 3, 0)));
    assertOnly(SafetyProperty.TERM_MONOTONIC, withExtra(roleChanged(10, 3, "PRE_CANDIDATE", 1),
        voted(11, 3, 2, 3), hardStateSynced(11, 3, 2, 3, 0)));
  }

  // ---- VOTE_DURABLE_BEFORE_SENT / ACK_DURABLE_BEFORE_SENT -------------------------------------------

  @Test
  void aVoteSentBeforeItIsDurableIsCaught() {
    List<JournalEntry> j = election();
    int at = j.indexOf(new VoteGranted(5, 2, 1, 1));
    j.add(at - 2, j.remove(at)); // the vote leaves before Voted and HardStateSynced
    assertOnly(SafetyProperty.VOTE_DURABLE_BEFORE_SENT, run(j));
  }

  @Test
  void aRestartThatLosesADurableVoteIsCaught() {
    assertOnly(SafetyProperty.VOTE_DURABLE_BEFORE_SENT,
        withExtra(new Crashed(10, 2), recovered(11, 2, 1, 0, 0, 0, 0)));
    assertQuiet(withExtra(new Crashed(10, 2), recovered(11, 2, 1, 1, 0, 0, 0)));
  }

  @Test
  void anAckBeforeTheLogIsDurableIsCaught() {
    List<JournalEntry> j = election();
    int at = j.lastIndexOf(new AppendAcked(9, 3, 1, 1, 2));
    j.add(at - 2, j.remove(at)); // the acknowledgement leaves before EntriesAppended
    assertOnly(SafetyProperty.ACK_DURABLE_BEFORE_SENT, run(j));
    assertOnly(SafetyProperty.ACK_DURABLE_BEFORE_SENT, withExtra(new AppendAcked(10, 3, 1, 1, 3)));
  }

  @Test
  void anAckOfATermNotYetDurableIsCaught() {
    assertOnly(SafetyProperty.ACK_DURABLE_BEFORE_SENT,
        withExtra(new TermSeen(10, 3, 2, 2), new AppendAcked(10, 3, 2, 2, 2)));
  }

  // ---- VOTE_LOG_CHECK -------------------------------------------------------------------------------

  @Test
  void aVoteForACandidateWithAShorterLogIsCaught() {
    assertOnly(SafetyProperty.VOTE_LOG_CHECK, withExtra(new TermSeen(10, 3, 2, 2),
        new VoteRequested(10, 3, 2, 2, 1, 1), hardStateSynced(11, 3, 2, 2, 0), new VoteGranted(11, 3, 2, 2)));
    assertOnly(SafetyProperty.VOTE_LOG_CHECK, withExtra(new TermSeen(10, 3, 2, 2),
        new VoteRequested(10, 3, 2, 2, 5, 0), hardStateSynced(11, 3, 2, 2, 0), new VoteGranted(11, 3, 2, 2)));
  }

  @Test
  void aVoteForAnUpToDateCandidateIsQuietEvenWhenItsEntriesArriveBeforeTheVoteLeaves() {
    assertQuiet(withExtra(new TermSeen(10, 3, 2, 2), new VoteRequested(10, 3, 2, 2, 2, 1),
        hardStateSynced(11, 3, 2, 2, 0), new VoteGranted(11, 3, 2, 2)));
    // Elected by others meanwhile, the candidate's no-op (term 2) reached the voter in the same sync.
    assertQuiet(withExtra(new TermSeen(10, 3, 2, 2), new VoteRequested(10, 3, 2, 2, 2, 1),
        entriesAppended(11, 3, 3, List.of(e(2, 21))), hardStateSynced(11, 3, 2, 2, 0),
        new VoteGranted(11, 3, 2, 2)));
  }

  // ---- READ_FRESHNESS -------------------------------------------------------------------------------

  @Test
  void aReadBehindAWriteAcknowledgedBeforeItArrivedIsCaught() {
    List<JournalEntry> acked = List.of(commitAdvanced(19, 1, 2), clientAcked(20, 1, 7, 1, 2, 1, 12));
    List<JournalEntry> j = election();
    j.addAll(acked);
    j.add(new ReadAnswered(30, 3, "LINEARIZABLE", 25, 1));
    assertOnly(SafetyProperty.READ_FRESHNESS, run(j));
    j.set(j.size() - 1, new ReadAnswered(30, 3, "LEASE", 25, 1));
    assertOnly(SafetyProperty.READ_FRESHNESS, run(j));
  }

  @Test
  void aReadThatArrivedBeforeTheAcknowledgementOrIsFreshIsQuiet() {
    List<JournalEntry> j = election();
    j.add(commitAdvanced(19, 1, 2));
    j.add(clientAcked(20, 1, 7, 1, 2, 1, 12));
    j.add(new ReadAnswered(30, 3, "LINEARIZABLE", 20, 1)); // arrived at the same instant: not ordered
    j.add(new ReadAnswered(30, 3, "LINEARIZABLE", 15, 1));
    j.add(new ReadAnswered(30, 1, "LINEARIZABLE", 25, 2));
    assertQuiet(run(j));
  }

  // ---- FIGURE_8_RULE --------------------------------------------------------------------------------

  /** Node 2 leads term 2 holding node 1's two entries of term 1; node 3 acknowledges them in term 2. */
  private static List<JournalEntry> secondLeader() {
    List<JournalEntry> j = election();
    j.add(new Crashed(10, 1));
    j.add(roleChanged(11, 2, "CANDIDATE", 2));
    j.add(hardStateSynced(11, 2, 2, 2, 0));
    j.add(new TermSeen(12, 3, 2, 2));
    j.add(roleChanged(12, 3, "FOLLOWER", 2));
    j.add(hardStateSynced(12, 3, 2, 2, 0));
    j.add(new VoteGranted(12, 3, 2, 2));
    j.add(roleChanged(13, 2, "LEADER", 2));
    j.add(new AppendAcked(14, 3, 2, 2, 2));
    return j;
  }

  @Test
  void committingAnOlderTermsEntryByCountingReplicasIsCaught() {
    List<JournalEntry> j = secondLeader();
    j.add(commitAdvanced(15, 2, 2));
    assertOnly(SafetyProperty.FIGURE_8_RULE, run(j));
  }

  @Test
  void committingThroughAnOwnTermEntryHeldByAMajorityIsQuietAndWithoutTheAckIsCaught() {
    List<JournalEntry> j = secondLeader();
    j.add(entriesAppended(15, 2, 3, List.of(e(2, 21))));
    j.add(entriesAppended(16, 3, 3, List.of(e(2, 21))));
    j.add(new AppendAcked(16, 3, 2, 2, 3));
    j.add(commitAdvanced(17, 2, 3));
    assertQuiet(run(j));
    j.remove(j.size() - 2); // the follower's acknowledgement of entry 3
    assertOnly(SafetyProperty.FIGURE_8_RULE, run(j));
    j.add(j.size() - 1, new AppendAcked(16, 3, 2, 1, 3)); // an acknowledgement of an older term does not count
    assertOnly(SafetyProperty.FIGURE_8_RULE, run(j));
  }

  @Test
  void aLeaseReadIsJudgedLikeAnyOtherEvenAcrossAPauseOfItsNode() {
    List<JournalEntry> j = election();
    j.add(commitAdvanced(19, 1, 2));
    j.add(new HarnessEvent.Paused(15, 3, 25));
    j.add(clientAcked(20, 1, 7, 1, 2, 1, 12));
    j.add(new ReadAnswered(30, 3, "LEASE", 25, 1)); // the ticker makes up the pause: the lease had expired
    assertOnly(SafetyProperty.READ_FRESHNESS, run(j));
    j.set(j.size() - 1, new ReadAnswered(30, 3, "LEASE", 25, 2));
    assertQuiet(run(j));
  }


  @Test
  void aLeaderNeedsAMajorityOfVotesOfItsOwnTerm() {
    List<JournalEntry> j = election();
    assertQuiet(run(j));
    int grant = indexOf(j, VoteGranted.class);
    j.set(grant, new VoteGranted(5, 2, 1, 0)); // node 2's grant is of an older term: node 1 has 1 vote of 3
    assertOnly(SafetyProperty.ELECTION_QUORUM, run(j));
    j.remove(grant); // no grant sent at all
    assertOnly(SafetyProperty.ELECTION_QUORUM, run(j));
  }

  @Test
  void anAcknowledgementMustNameEntriesTheLeaderHolds() {
    List<JournalEntry> j = election();
    j.add(entriesAppended(10, 3, 3, List.of(e(1, 13)))); // node 3 holds an index the leader never had
    j.add(new AppendAcked(10, 3, 1, 1, 3)); // and acknowledges it: beyond the leader's log (it ends at 2)
    assertOnly(SafetyProperty.ACK_MATCHES_LEADER, run(j));
    List<JournalEntry> stale = election();
    int follower3 = stale.size() - 3; // node 3's EntriesAppended: an entry of term 0 at index 2 instead of 1/12
    stale.set(follower3, entriesAppended(9, 3, 1, List.of(e(1, 11), e(0, 99))));
    assertOnly(SafetyProperty.ACK_MATCHES_LEADER, run(stale).stream()
        .filter(v -> v.property() == SafetyProperty.ACK_MATCHES_LEADER).toList());
  }

  private static int indexOf(List<JournalEntry> j, Class<?> type) {
    for (int i = 0; i < j.size(); i++) {
      if (type.isInstance(j.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the journal");
  }
}
