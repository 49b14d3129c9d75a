package io.tumbler.scenario.run;

import io.tumbler.fault.AppliedFault;
import io.tumbler.lin.CheckResult;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.scenario.cluster.SimCluster;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;

/**
 * What a {@link RunCheck} sees of a run once both phases are over (or it stopped early): the scenario as run, how
 * the phases ended, the journal and the faults applied, the client history and the cluster in its final state. The
 * simulation is no longer advanced; checks only read. The two costly verdicts, {@link #safetyViolations} and
 * {@link #linearizability}, are computed once, by the first caller, and shared with the run's artifacts.
 */
interface FinishedRun {
  Scenario scenario();

  /** Why the run ended before its liveness phase, or null: then liveness and convergence are judged. */
  String stoppedEarly();

  /** The exception that escaped the system under test and stopped the run, or null. */
  SutException sutException();

  /** The failed node invariant that stopped the run (a detected safety violation), or null. */
  String nodeInvariant();

  /** Whether the liveness phase met its goal; {@link #livenessProblems} says why not. */
  boolean live();

  List<String> livenessProblems();

  /** The Raft safety checker's violations over the whole journal (computed once). */
  List<SafetyViolation> safetyViolations();

  /** VM invariant violations seen after applies, at most the first 20. */
  List<String> vmViolations();

  /** The linearizability verdict of the client history (computed once). */
  CheckResult linearizability();

  List<JournalEntry> journal();

  List<AppliedFault> appliedFaults();

  /** When the final heal was applied, or -1 if the run stopped before it. */
  long healedAtNanos();

  /** Simulated time at the end of the run. */
  long endNanos();

  SimCluster cluster();

  HistoryRecorder history();
}
