package io.tumbler.scenario.check;

import static io.tumbler.scenario.check.SafetyJournals.assertOnly;
import static io.tumbler.scenario.check.SafetyJournals.assertQuiet;
import static io.tumbler.scenario.check.SafetyJournals.run;
import static io.tumbler.scenario.journal.JournalFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.journal.HarnessEvent.CampaignStarted;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.HarnessEvent.ElectionTimerReset;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SafetyProperty#ELECTION_TIMER_RULE} on crafted journals: a campaign needs T = 10 harness-counted ticks
 * since the latest reset (start, granted vote, leader message, own campaign); a TimeoutNow transfer and the
 * candidacy after a won pre-vote are exempt.
 */
class ElectionTimerOracleTest {
  private static final int T = 10;

  /** Node 2 starts, grants node 1 a vote of term 1 at tick 12, hears node 1 lead term 1 at tick 15. */
  private static List<JournalEntry> follower() {
    List<JournalEntry> j = new ArrayList<>();
    j.add(recovered(0, 2, 0, 0, 0, 0, 0));
    j.add(new CampaignStarted(1, 2, 1, "PRE_VOTE_STARTED", "TICK", 11, T)); // its timer fired: 11 >= 10
    j.add(new ElectionTimerReset(2, 2, 1, "VOTE_GRANTED", 1, 12));
    return j;
  }

  private static List<SafetyViolation> with(List<JournalEntry> base, JournalEntry... extra) {
    List<JournalEntry> j = new ArrayList<>(base);
    j.addAll(List.of(extra));
    return run(j);
  }

  @Test
  void aCampaignAFullTimeoutAfterTheLastResetIsQuiet() {
    assertQuiet(run(follower()));
    assertQuiet(with(follower(), new CampaignStarted(3, 2, 2, "PRE_VOTE_STARTED", "TICK", 12 + T, T)));
    assertQuiet(with(follower(), new CampaignStarted(3, 2, 2, "ELECTION_ON_TIMEOUT", "TICK", 12 + T, T)));
  }

  @Test
  void aCampaignTooSoonAfterAGrantedVoteIsCaughtNamingTheReset() {
    List<SafetyViolation> found = with(follower(),
        new CampaignStarted(3, 2, 2, "PRE_VOTE_STARTED", "TICK", 12 + T - 1, T));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE, found);
    String detail = found.get(0).detail();
    assertTrue(detail.contains("node 2") && detail.contains("term 2") && detail.contains("9 ticks")
        && detail.contains("VOTE_GRANTED to node 1 in term 1 at tick 12"), detail);
  }

  @Test
  void aCampaignTooSoonAfterAMessageFromTheLeaderIsCaught() {
    List<JournalEntry> j = follower();
    j.add(new ElectionTimerReset(4, 2, 1, "LEADER_MESSAGE", 1, 15));
    assertQuiet(with(j, new CampaignStarted(5, 2, 2, "ELECTION_ON_TIMEOUT", "TICK", 15 + T, T)));
    List<SafetyViolation> found = with(j, new CampaignStarted(5, 2, 2, "ELECTION_ON_TIMEOUT", "TICK", 15 + 3, T));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE, found);
    assertTrue(found.get(0).detail().contains("LEADER_MESSAGE from node 1"), found.get(0).detail());
  }

  @Test
  void aTransferOnTimeoutNowIsExemptButNotAnUnorderedOne() {
    assertQuiet(with(follower(), new CampaignStarted(3, 2, 2, "ELECTION_ON_TRANSFER", "TimeoutNow", 13, T)));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE,
        with(follower(), new CampaignStarted(3, 2, 2, "ELECTION_ON_TRANSFER", "TICK", 13, T)));
  }

  @Test
  void theCandidacyAfterAWonPreVoteIsExemptUnlessTheLeaderEndedTheRound() {
    List<JournalEntry> j = follower();
    j.add(new CampaignStarted(3, 2, 2, "PRE_VOTE_STARTED", "TICK", 12 + T, T));
    assertQuiet(with(j, new CampaignStarted(4, 2, 2, "ELECTION_AFTER_PRE_VOTE", "VoteResponse", 12 + T + 1, T)));
    List<JournalEntry> voted = new ArrayList<>(j); // a real vote granted mid-round does not end the round
    voted.add(new ElectionTimerReset(4, 2, 1, "VOTE_GRANTED", 4, 12 + T + 1));
    assertQuiet(with(voted, new CampaignStarted(5, 2, 2, "ELECTION_AFTER_PRE_VOTE", "VoteResponse", 12 + T + 2, T)));
    j.add(new ElectionTimerReset(4, 2, 1, "LEADER_MESSAGE", 1, 12 + T + 1)); // the leader spoke: round over
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE,
        with(j, new CampaignStarted(5, 2, 2, "ELECTION_AFTER_PRE_VOTE", "VoteResponse", 12 + T + 2, T)));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE, // no pre-vote round at all
        with(follower(), new CampaignStarted(3, 2, 2, "ELECTION_AFTER_PRE_VOTE", "VoteResponse", 13, T)));
  }

  @Test
  void aCampaignResetsTheTimerForTheNextOne() {
    List<JournalEntry> j = follower();
    j.add(new CampaignStarted(3, 2, 2, "ELECTION_ON_TIMEOUT", "TICK", 12 + T, T));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE,
        with(j, new CampaignStarted(4, 2, 3, "ELECTION_ON_TIMEOUT", "TICK", 12 + T + 2, T)));
  }

  @Test
  void aRestartResetsTheTimerAndItsTickCount() {
    List<JournalEntry> j = follower();
    j.add(new Crashed(3, 2));
    j.add(recovered(4, 2, 1, 1, 0, 0, 0));
    // The new incarnation counts from 0: 10 ticks after the restart is a full timeout, 9 is not.
    assertQuiet(with(j, new CampaignStarted(5, 2, 2, "PRE_VOTE_STARTED", "TICK", T, T)));
    List<SafetyViolation> found = with(j, new CampaignStarted(5, 2, 2, "PRE_VOTE_STARTED", "TICK", T - 1, T));
    assertOnly(SafetyProperty.ELECTION_TIMER_RULE, found);
    assertTrue(found.get(0).detail().contains("RESTART"), found.get(0).detail());
  }
}
