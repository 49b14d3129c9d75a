package io.tumbler.scenario.run;

import java.util.ArrayList;
import java.util.List;

/** The scenario-specific expectations used by the catalog. */
final class ScenarioChecks {
  private static final long MILLIS = 1_000_000L;

  private ScenarioChecks() {}

  static ScenarioCheck leaderWithinMillis(long millis) {
    return run -> JournalQueries.leadersBetween(run.journal(), 0, millis * MILLIS).isEmpty()
        ? List.of("no leader was elected within " + millis + " ms of the start")
        : List.of();
  }

  static ScenarioCheck newLeaderAfterFirstFault(long millis) {
    return run -> {
      if (run.faults().isEmpty()) {
        return List.of("the scenario's fault never fired");
      }
      long at = run.faults().get(0).timeNanos();
      return JournalQueries.leadersBetween(run.journal(), at, at + millis * MILLIS).isEmpty()
          ? List.of("no new leader within " + millis + " ms after '" + run.faults().get(0).applied() + "'")
          : List.of();
    };
  }

  /** Allows 100 ms after the cut for commits already in flight to land. */
  static ScenarioCheck minorityStallsMajorityProgresses(List<Integer> minority, List<Integer> majority,
      long fromMillis, long toMillis) {
    return run -> {
      List<String> problems = new ArrayList<>();
      long settle = (fromMillis + 100) * MILLIS;
      long end = toMillis * MILLIS;
      long minorityBefore = JournalQueries.commitAt(run.journal(), minority, settle);
      long minorityAfter = JournalQueries.commitAt(run.journal(), minority, end);
      if (minorityAfter > minorityBefore) {
        problems.add("the minority " + minority + " advanced its commit index from " + minorityBefore + " to "
            + minorityAfter + " while partitioned");
      }
      long majorityBefore = JournalQueries.commitAt(run.journal(), majority, settle);
      long majorityAfter = JournalQueries.commitAt(run.journal(), majority, end);
      if (majorityAfter <= majorityBefore) {
        problems.add("the majority " + majority + " committed nothing while partitioned (commit stayed at "
            + majorityBefore + ")");
      }
      return problems;
    };
  }

  static ScenarioCheck someNodeTruncatedAtLeast(long entries) {
    return run -> {
      long longest = 0;
      for (int node = 1; node <= run.nodes(); node++) {
        longest = Math.max(longest, JournalQueries.longestTruncation(run.journal(), node));
      }
      return longest >= entries ? List.of()
          : List.of("expected a node to discard a conflicting suffix of at least " + entries
              + " entries; the longest truncation was " + longest);
    };
  }
}
