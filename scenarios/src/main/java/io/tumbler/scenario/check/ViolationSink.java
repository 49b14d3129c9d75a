package io.tumbler.scenario.check;

import java.util.List;

/**
 * Where a journal oracle reports a broken property; the {@link RaftSafetyChecker} stamps it with the journal
 * event and its number. Package-private: oracles are parts of that checker, not checks of their own.
 */
@FunctionalInterface
interface ViolationSink {
  void report(SafetyProperty property, List<Integer> nodes, long term, long index, String detail);
}
