package io.tumbler.scenario.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.journal.JournalFixtures.EntryId;
import java.util.List;
import java.util.stream.Collectors;

/** What the crafted-journal tests of the safety checker share: run a journal, and say what it must find. */
final class SafetyJournals {
  private SafetyJournals() {}

  static EntryId e(long term, long digest) {
    return new EntryId(term, digest);
  }

  static List<SafetyViolation> run(List<JournalEntry> journal) {
    RaftSafetyChecker checker = new RaftSafetyChecker();
    journal.forEach(checker::observe);
    return checker.finish();
  }

  /** Exactly one property fired (once or more). */
  static void assertOnly(SafetyProperty expected, List<SafetyViolation> found) {
    assertTrue(!found.isEmpty(), "expected a " + expected + " violation, found none");
    assertEquals(List.of(expected), found.stream().map(SafetyViolation::property).distinct().collect(Collectors.toList()),
        () -> found.stream().map(SafetyViolation::describe).collect(Collectors.joining("\n")));
  }

  static void assertQuiet(List<SafetyViolation> found) {
    assertEquals(List.of(), found.stream().map(SafetyViolation::describe).collect(Collectors.toList()));
  }
}
