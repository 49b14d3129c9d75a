package io.tumbler.scenario.run;

import io.tumbler.fault.AppliedFault;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;

/**
 * A scenario's own expectation about its run, judged at the end from the journal and the fault log
 * (e.g. "the minority side committed nothing while partitioned"). Returns failure descriptions; empty
 * means it held.
 */
@FunctionalInterface
public interface ScenarioCheck {
  List<String> evaluate(RunRecord run);

  /** What a scenario check sees: the journal, the faults as applied, and the run's timing. */
  record RunRecord(List<JournalEntry> journal, List<AppliedFault> faults, long safetyEndNanos, int nodes) {}
}
