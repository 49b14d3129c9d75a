package io.tumbler.scenario.run;

import io.tumbler.fault.AppliedFault;
import io.tumbler.fault.Fault;
import io.tumbler.fault.InvalidScheduleException;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.ScheduleCheck;
import io.tumbler.fault.TimedFault;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.scenario.check.RaftSafetyChecker;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.client.ClientShared;
import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.scenario.cluster.SimCluster;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.trace.TraceFile;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.scenario.workload.Workloads;
import io.tumbler.sim.kernel.RunBudget;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.vm.Violation;
import io.tumbler.vm.VmInvariants;
import io.tumbler.vm.VmStateMachine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario with one seed: builds the cluster on a fresh simulation, applies the fault schedule
 * during the safety phase, heals everything for the liveness phase, and judges the run with every check.
 *
 * <p>Only the wall-clock timing of the run and the parallel linearizability search sit outside the
 * deterministic world; neither feeds back into the simulation.
 */
public final class ScenarioRunner {
  private static final long MILLIS = 1_000_000L;
  /** A typical run executes 10^4 to 10^5 events; a run past this has run away (and says so with its seed). */
  private static final long MAX_EVENTS = 10_000_000L;
  /** trace.jsonl keeps the first this many events: enough for any healthy run, bounded for a runaway one. */
  private static final long MAX_TRACE_RECORDS = 1_500_000L;
  private static final long DRAIN_STEP_MILLIS = 3_000;
  private static final long DRAIN_MAX_MILLIS = 30_000;
  private final boolean keepTrace;
  private final Duration checkerTimeLimit;
  private final boolean stopAtSafetyViolation;

  public ScenarioRunner(boolean keepTrace, Duration checkerTimeLimit) {
    this(keepTrace, checkerTimeLimit, false);
  }

  /**
   * @param stopAtSafetyViolation end the run at the first Raft safety violation the journal shows (no liveness
   *                              phase): for the shrinker and bug hunts, whose runs only need to fail that
   *                              check. A violation found is permanent, so the verdict is the one a full run
   *                              gives.
   */
  public ScenarioRunner(boolean keepTrace, Duration checkerTimeLimit, boolean stopAtSafetyViolation) {
    this.keepTrace = keepTrace;
    this.checkerTimeLimit = checkerTimeLimit;
    this.stopAtSafetyViolation = stopAtSafetyViolation;
  }

  /**
   * One run in the simulated world; never throws for a failing cluster — failures are in the result.
   *
   * @throws InvalidScheduleException before anything runs, when the schedule names a node the cluster does not
   *     have or a quantity that makes no sense (a hand-edited schedule.json)
   */
  public RunArtifacts run(Scenario scenario, long seed) {
    long wallStart = System.nanoTime();
    long totalNanos = (scenario.safetyMillis() + scenario.livenessMillis() + 5_000) * MILLIS;
    TraceJournal trace = keepTrace ? TraceFile.journal(MAX_TRACE_RECORDS) : TraceJournal.fingerprintOnly();
    Simulation sim = new Simulation(seed, new RunBudget(MAX_EVENTS, totalNanos + 60_000 * MILLIS), trace);
    World world = new World(resolveShape(scenario, sim), scenario.overrideFlags(), sim);
    Schedule schedule = world.scenario.faults().schedule(sim.streams().stream("nemesis"), world.scenario.cluster(),
        world.scenario.safetyMillis());
    ScheduleCheck.requireFits(schedule, world.scenario.cluster().nodes()); // before any event: a misfit is bad input
    world.scheduleFaults(schedule);
    world.cluster.knownBugs(scenario.bugs());
    world.cluster.stateMachines(scenario.stateMachines());
    world.cluster.systemUnderTest(scenario.sut());
    world.cluster.start();
    PhaseResult phases = world.runPhases();
    return world.judge(seed, schedule, phases, (System.nanoTime() - wallStart) / 1_000_000, trace);
  }

  /**
   * The scenario with its deployment fixed: drawn from the run's own {@code shape} stream when the scenario
   * swarms over it, else the scenario as it is. The shape goes to run.json; a replay of a recorded shape
   * draws nothing and, since no other stream is touched, runs the same events.
   */
  private static Scenario resolveShape(Scenario scenario, Simulation sim) {
    if (!scenario.swarm().draws()) {
      return scenario;
    }
    RunShape shape = scenario.swarm().draw(sim.streams().stream("shape"), scenario);
    Scenario fixed = scenario.withShape(shape);
    boolean drewLocalReads = scenario.swarm().drawWorkload() && shape.readMode() == ReadMode.LOCAL;
    return drewLocalReads && scenario.expectation() == Expectation.CORRECT
        ? fixed.withExpectation(Expectation.CORRECT_EXCEPT_LOCAL_READS) : fixed;
  }

  /**
   * @param nodeInvariant the failed node invariant that stopped the run, or null
   * @param sutException  the exception that escaped the system under test and stopped the run, or null
   * @param stoppedEarly  why the run ended before its liveness phase (a node invariant, an exception of the system
   *                      under test, or the first safety violation when asked to stop there), or null: liveness
   *                      and convergence are not judged
   */
  private record PhaseResult(io.tumbler.sim.kernel.RunResult kernel, boolean live, List<String> livenessProblems,
      String nodeInvariant, SutException sutException, String stoppedEarly) {

    PhaseResult(io.tumbler.sim.kernel.RunResult kernel, boolean live, List<String> livenessProblems,
        String stoppedEarly) {
      this(kernel, live, livenessProblems, null, null, stoppedEarly);
    }
  }

  /** The state of one run; lives only inside {@link #run}. */
  private final class World {
    final Scenario scenario;
    /** The flags that turn the catalog's scenario into the one asked for (not the drawn shape: the seed redraws it). */
    final List<String> flags;
    final Simulation sim;
    final RaftSafetyChecker safety = new RaftSafetyChecker();
    final List<JournalEntry> journal = new ArrayList<>();
    final List<String> vmViolations = new ArrayList<>();
    final List<AppliedFault> applied = new ArrayList<>();
    final HistoryRecorder history = new HistoryRecorder();
    final Workload workload;
    final SimCluster cluster;
    final ClientShared clients;
    /** When the final heal was applied (-1: the run stopped before it); for the election bound. */
    long healedAtNanos = -1;

    World(Scenario scenario, List<String> flags, Simulation sim) {
      this.scenario = scenario;
      this.flags = flags;
      this.sim = sim;
      this.workload = Workloads.create(scenario.workload(), scenario.cluster().clients(), scenario.readMode());
      this.cluster = new SimCluster(sim, scenario.cluster(), this::onJournalEvent, this::onApplied);
      this.clients = cluster.addClients(workload, history, scenario.clientTiming(), scenario.operationLimit());
      workload.membershipAware().ifPresent(cluster::followMembership);
      this.cluster.faultSink(this::applyFault);
    }

    void onJournalEvent(JournalEntry event) {
      journal.add(event);
      safety.observe(event);
    }

    void onApplied(int node, VmStateMachine stateMachine, long index) {
      if (vmViolations.size() >= 20) {
        return;
      }
      for (Violation v : VmInvariants.check(stateMachine.state())) {
        vmViolations.add("n" + node + " after applying index " + index + ": " + v);
      }
    }

    void scheduleFaults(Schedule schedule) {
      for (TimedFault timed : schedule.faults()) {
        sim.schedule(timed.atMillis() * MILLIS, "fault", () -> applyFault(timed.fault()));
      }
    }

    void applyFault(Fault fault) {
      applied.add(AppliedFault.of(sim.nowNanos(), fault, fault.applyTo(cluster)));
    }

    /**
     * Runs both phases. An event that throws ends the simulation; what it means depends on what threw. A node
     * whose own invariant assertion fires (an {@link IllegalStateException} thrown by raft-impl's Raft code, e.g.
     * "leader would overwrite committed entry") is a detected Raft safety violation. Any other exception from
     * the system under test (see {@link SutException}) is the verdict of the {@code sut-exception} check. Only
     * an exception with no frame in the system under test is a harness bug, and propagates.
     */
    PhaseResult runPhases() {
      try {
        return runPhasesUnguarded();
      } catch (io.tumbler.sim.kernel.SimulationFailure failure) {
        return stoppedBy(failure);
      }
    }

    private PhaseResult stoppedBy(io.tumbler.sim.kernel.SimulationFailure failure) {
      Throwable cause = failure.getCause();
      io.tumbler.sim.kernel.RunResult stopped = new io.tumbler.sim.kernel.RunResult(
          io.tumbler.sim.kernel.RunOutcome.REACHED_TIME, sim.seed(), sim.nowNanos(), sim.eventsExecuted(),
          sim.fingerprint(), null);
      if (cause instanceof IllegalStateException && fromRaftImpl(cause)) {
        String process = failure.process() < 0 ? "" : cluster.host().name(failure.process()) + " ";
        return new PhaseResult(stopped, false, List.of(), String.format("t=%.3fs %snode invariant failed: %s",
            sim.nowNanos() / 1e9, process, cause.getMessage()), null, "the run stopped when a node's invariant failed");
      }
      SutException thrown = SutException.of(failure, cluster.host()::name);
      if (thrown == null) {
        throw failure;
      }
      return new PhaseResult(stopped, false, List.of(), null, thrown,
          "the run stopped when " + thrown.process() + " threw " + thrown.exception());
    }

    /** A node's own invariant assertion: thrown by raft-impl's Raft code itself (frame 0), not via a port. */
    private boolean fromRaftImpl(Throwable cause) {
      StackTraceElement[] frames = cause.getStackTrace();
      return frames.length > 0 && frames[0].getClassName().startsWith("io.tumbler.raft.")
          && !frames[0].getClassName().startsWith("io.tumbler.raft.runtime.");
    }

    /**
     * Runs to the end of the safety phase; when stopping at a safety violation, in 10 ms steps that end
     * exactly where a single run would pass (the same events in the same order), checking between steps.
     */
    private io.tumbler.sim.kernel.RunResult runSafetyPhase(long safetyEnd) {
      if (!stopAtSafetyViolation) {
        return sim.runUntil(safetyEnd);
      }
      io.tumbler.sim.kernel.RunResult kernel;
      do {
        kernel = sim.runUntil(Math.min(safetyEnd, sim.nowNanos() + 10 * MILLIS));
      } while (sim.nowNanos() < safetyEnd && !safety.anyViolation() && !kernel.outcome().isBudgetExceeded());
      return kernel;
    }

    private PhaseResult runPhasesUnguarded() {
      long safetyEnd = scenario.safetyMillis() * MILLIS;
      io.tumbler.sim.kernel.RunResult kernel = runSafetyPhase(safetyEnd);
      if (kernel.outcome().isBudgetExceeded()) {
        return new PhaseResult(kernel, false, List.of(kernel.message()), null);
      }
      if (stopAtSafetyViolation && safety.anyViolation()) {
        return new PhaseResult(kernel, true, List.of(), "the run stopped at its first safety violation");
      }
      applyFault(new Fault.HealAll());
      clients.allowMore(Math.max(50, scenario.operationLimit() / 4));
      long healedAt = sim.nowNanos();
      healedAtNanos = healedAt;
      long deadline = healedAt + scenario.livenessMillis() * MILLIS;
      LivenessProbe probe = new LivenessProbe(cluster, history, healedAt);
      kernel = sim.runUntil(() -> probe.satisfied() && membershipSettled() || sim.nowNanos() >= deadline);
      clients.stopNewOperations();
      boolean live = probe.satisfied() && membershipSettled();
      List<String> problems = new ArrayList<>(probe.satisfied() ? List.of()
          : probe.problems(scenario.livenessMillis()));
      if (!membershipSettled()) {
        problems.add("the workload's host commands for members joining and leaving were not all answered within "
            + scenario.livenessMillis() + " ms of the heal: " + workload.membershipAware().get().hostMembership());
      }
      return new PhaseResult(drain(probe), live, problems, null);
    }

    /** True unless the workload follows membership and still has host commands queued or in flight. */
    private boolean membershipSettled() {
      return workload.membershipAware().map(m -> m.membershipSettled()).orElse(true);
    }

    /**
     * Lets in-flight operations finish and the replicas converge: in steps of {@link #DRAIN_STEP_MILLIS}, for
     * as long as the replicas have not converged or the slowest keeps applying, up to {@link #DRAIN_MAX_MILLIS}.
     * A follower repaired one entry per round trip over a WAN applies nothing until its log matches again, and
     * that is slow, not a failure. Convergence is judged after; a replica still short of the others at the cap is
     * what it catches.
     */
    private io.tumbler.sim.kernel.RunResult drain(LivenessProbe probe) {
      long cap = sim.nowNanos() + DRAIN_MAX_MILLIS * MILLIS;
      long slowest = probe.slowestApplied();
      io.tumbler.sim.kernel.RunResult kernel;
      while (true) {
        long stepEnd = Math.min(cap, sim.nowNanos() + DRAIN_STEP_MILLIS * MILLIS);
        kernel = sim.runUntil(() -> clients.inFlight() == 0 && probe.converged() || sim.nowNanos() >= stepEnd);
        long now = probe.slowestApplied();
        if (sim.nowNanos() < stepEnd || sim.nowNanos() >= cap || kernel.outcome().isBudgetExceeded()
            || now <= slowest && probe.converged()) {
          return kernel;
        }
        slowest = now;
      }
    }

    /** Judges the finished run by every check the harness, the scenario and the workload contribute ({@link RunChecks}). */
    RunArtifacts judge(long seed, Schedule schedule, PhaseResult phases, long wallMillis, TraceJournal trace) {
      Finished run = new Finished(phases);
      List<CheckReport> checks = RunChecks.judge(RunChecks.of(scenario, workload), run);
      return assemble(seed, schedule, phases, wallMillis, trace, checks, run.safetyViolations(), run.linearizability());
    }

    /**
     * The client history, without its local reads when the run does not hold them to linearizability (a
     * drawn deployment that serves reads from each replica's own state: stale by design, see
     * {@link #localReadNote}); a scenario that expects stale reads keeps them, to find one.
     */
    private CheckResult checkHistory() {
      boolean dropLocal = scenario.expectation() == Expectation.CORRECT_EXCEPT_LOCAL_READS;
      History h = dropLocal ? history.withoutLocalReads() : history.toHistory();
      Checker checker = new Checker(CheckerOptions.defaults().withTimeLimit(checkerTimeLimit).withParallelism(1));
      return checker.check(Models.named(workload.model(), ModelOptions.defaults()), h);
    }

    /** This world once its phases are over, as the checks see it; the two costly verdicts are computed once. */
    private final class Finished implements FinishedRun {
      private final PhaseResult phases;
      private List<SafetyViolation> safetyViolations;
      private CheckResult linearizability;

      Finished(PhaseResult phases) {
        this.phases = phases;
      }

      @Override
      public Scenario scenario() {
        return scenario;
      }

      @Override
      public String stoppedEarly() {
        return phases.stoppedEarly();
      }

      @Override
      public SutException sutException() {
        return phases.sutException();
      }

      @Override
      public String nodeInvariant() {
        return phases.nodeInvariant();
      }

      @Override
      public boolean live() {
        return phases.live();
      }

      @Override
      public List<String> livenessProblems() {
        return phases.livenessProblems();
      }

      @Override
      public List<SafetyViolation> safetyViolations() {
        if (safetyViolations == null) {
          safetyViolations = safety.finish();
        }
        return safetyViolations;
      }

      @Override
      public List<String> vmViolations() {
        return vmViolations;
      }

      @Override
      public CheckResult linearizability() {
        if (linearizability == null) {
          linearizability = checkHistory();
        }
        return linearizability;
      }

      @Override
      public List<JournalEntry> journal() {
        return journal;
      }

      @Override
      public List<AppliedFault> appliedFaults() {
        return applied;
      }

      @Override
      public long healedAtNanos() {
        return healedAtNanos;
      }

      @Override
      public long endNanos() {
        return sim.nowNanos();
      }

      @Override
      public SimCluster cluster() {
        return cluster;
      }

      @Override
      public HistoryRecorder history() {
        return history;
      }
    }

    private static boolean changesMembership(Schedule schedule) {
      return schedule.faults().stream().map(TimedFault::fault).anyMatch(f -> f.takesNewId()
          || f instanceof Fault.RemoveNode);
    }

    private RunArtifacts assemble(long seed, Schedule schedule, PhaseResult phases, long wallMillis,
        TraceJournal trace, List<CheckReport> checks, List<SafetyViolation> safetyViolations, CheckResult lin) {
      Outcome outcome = Outcome.PASS;
      List<String> violated = new ArrayList<>();
      for (CheckReport c : checks) {
        if (c.verdict() == CheckReport.Verdict.FAIL || c.verdict() == CheckReport.Verdict.UNKNOWN) {
          violated.add(c.check());
          outcome = outcome.worse(outcomeOf(c));
        }
      }
      if (phases.kernel().outcome().isBudgetExceeded()) {
        violated.add("budget");
        outcome = Outcome.ERROR;
      }
      RunResult r = new RunResult(scenario.name(), seed, scenario.bugs().names(), String.format("%016x", sim.fingerprint()),
          outcome, violated, checks, sim.eventsExecuted(), sim.nowNanos() / MILLIS, wallMillis,
          history.size(), applied.size(), notes(cluster.notes(), trace, localReadNote()), flags)
          .withCoverage(cluster.coverage(changesMembership(schedule)));
      return new RunArtifacts(scenario, r, schedule, history.toHistory(), workload.model(), journal, applied,
          safetyViolations, lin, traceLines(trace));
    }

    /** Says how many local reads the linearizability check left out, when it left any out. */
    private String localReadNote() {
      if (history.localReads() == 0 || scenario.expectation() != Expectation.CORRECT_EXCEPT_LOCAL_READS) {
        return null;
      }
      return history.localReads() + " local reads (served from one replica's own state, stale by design) are in "
          + "history.jsonl marked served=local and were not checked for linearizability; every other operation was";
    }

    private Outcome outcomeOf(CheckReport c) {
      if (c.verdict() == CheckReport.Verdict.UNKNOWN) {
        return Outcome.ERROR;
      }
      return c.check().equals("liveness") ? Outcome.LIVENESS : Outcome.VIOLATION;
    }
  }

  private static List<String> notes(List<String> clusterNotes, TraceJournal trace, String localReadNote) {
    List<String> notes = new ArrayList<>(clusterNotes);
    if (localReadNote != null) {
      notes.add(localReadNote);
    }
    if (trace.truncated()) {
      notes.add("trace.jsonl holds the first " + MAX_TRACE_RECORDS + " of " + trace.recordCount() + " events");
    }
    return notes;
  }

  private List<String> traceLines(TraceJournal trace) {
    return trace.keepsText() ? TraceFile.lines(trace) : List.of();
  }
}
