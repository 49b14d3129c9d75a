package io.tumbler.scenario.run;

import static io.tumbler.scenario.journal.JournalFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ELECTION_LIVENESS_BOUND on crafted journals: 3 nodes, 10 ms ticks, timeouts of 10..20 ticks, k = 10 (2 s). */
class ElectionBoundTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long HEAL = 10 * SECOND;
  private final ElectionBound bound = new ElectionBound(ClusterConfig.defaults().withNodes(3), 10);

  /** Node 1 led term 1 and was cut off; nodes 2 and 3 campaigned up to term 4 without electing anyone. */
  private static List<JournalEntry> beforeHeal() {
    List<JournalEntry> j = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      j.add(recovered(0, n, 0, 0, 0, 0, 0));
    }
    j.add(roleChanged(SECOND, 1, "LEADER", 1));
    j.add(roleChanged(2 * SECOND, 2, "CANDIDATE", 4));
    j.add(roleChanged(2 * SECOND, 3, "FOLLOWER", 4));
    return j;
  }

  @Test
  void theBoundIsKTimesTheLongestElectionTimeout() {
    assertEquals(2 * SECOND, bound.boundNanos());
  }

  @Test
  void aLeaderSettledWithinTheBoundPasses() {
    List<JournalEntry> j = beforeHeal();
    j.add(roleChanged(HEAL + SECOND, 2, "LEADER", 4));
    assertEquals(List.of(), bound.problems(j, HEAL, HEAL + 5 * SECOND));
  }

  @Test
  void aLeaderSettledTooLateFailsNamingTheDelayAndTheCandidates() {
    List<JournalEntry> j = beforeHeal();
    j.add(roleChanged(HEAL + SECOND, 3, "CANDIDATE", 5));
    j.add(roleChanged(HEAL + 2 * SECOND, 2, "CANDIDATE", 6));
    j.add(roleChanged(HEAL + 3 * SECOND, 2, "LEADER", 6));
    List<String> problems = bound.problems(j, HEAL, HEAL + 5 * SECOND);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("3.000 s after the heal") && problems.get(0).contains("[2, 3]"),
        problems.get(0));
  }

  @Test
  void noLeaderAtAllFailsOnceTheBoundHasPassed() {
    List<JournalEntry> j = beforeHeal();
    j.add(roleChanged(HEAL + SECOND, 3, "CANDIDATE", 5));
    assertTrue(bound.problems(j, HEAL, HEAL + 5 * SECOND).get(0).contains("no leader settled"));
    assertEquals(List.of(), bound.problems(j, HEAL, HEAL + SECOND), "the run ended before the bound: not judged");
  }

  @Test
  void aLeaderThatStaysThroughTheHealPassesAndADownNodeDoesNotCount() {
    List<JournalEntry> j = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      j.add(recovered(0, n, 0, 0, 0, 0, 0));
    }
    j.add(roleChanged(SECOND, 1, "LEADER", 1));
    j.add(roleChanged(SECOND, 2, "CANDIDATE", 9));
    j.add(new Crashed(2 * SECOND, 2)); // its term 9 went down with it
    j.add(roleChanged(HEAL + 5 * SECOND, 3, "FOLLOWER", 1));
    assertEquals(List.of(), bound.problems(j, HEAL, HEAL + 6 * SECOND));
  }
}
