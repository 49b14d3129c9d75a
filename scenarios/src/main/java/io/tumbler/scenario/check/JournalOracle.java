package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEntry;

/**
 * One of the safety checker's oracles: it judges each journal entry against what it has seen so far, reporting what
 * it finds to the sink, then folds the entry into its own state. {@link RaftSafetyChecker} hands every entry to each
 * of its oracles in a fixed order.
 */
interface JournalOracle {
  void observe(JournalEntry entry, ViolationSink sink);
}
