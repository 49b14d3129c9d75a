package io.tumbler.scenario.run;

import io.tumbler.lin.CheckResult;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.cluster.TumblerNode;
import io.tumbler.scenario.workload.MembershipAware;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.sut.SutKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a run is judged by, as one list merged by priority: the harness's own (every run), the scenario's
 * (the log-safety note for another system under test, its own expectations) and the workload's (member hosts, for a
 * workload that follows membership). The merge is a stable sort by {@link RunCheck#priority}, so the order is fixed
 * by the priorities below and, within one priority, by contribution order; it is the order of checks.json.
 */
final class RunChecks {
  static final int SUT_EXCEPTION = 100;
  static final int RAFT_SAFETY = 200;
  static final int RAFT_LOG_SAFETY = 250;
  static final int VM_INVARIANTS = 300;
  static final int LINEARIZABILITY = 400;
  static final int LIVENESS = 500;
  static final int CONVERGENCE = 600;
  static final int MEMBER_HOSTS = 700;
  static final int SCENARIO = 800;

  /** Why the log-level Raft properties are not judged for a system under test other than Tumbler's Raft. */
  private static final String LOG_SAFETY_SKIPPED = "not judged: Log Matching, Leader Append-Only, Leader "
      + "Completeness, State Machine Safety, commit monotonicity, acknowledged-write durability and the wire oracles "
      + "need log entries, commit indexes, votes and acknowledgements journaled from inside the node; the MicroRaft "
      + "adapter journals only roles and terms (from RaftNodeReports). Linearizability, VM invariants, convergence "
      + "(equal applied index and state digest on every replica) and liveness are judged as for Tumbler's Raft";

  private RunChecks() {}

  /** Every check {@code scenario} run with {@code workload} is judged by, in judging (and checks.json) order. */
  static List<RunCheck> of(Scenario scenario, Workload workload) {
    List<RunCheck> all = new ArrayList<>(harness());
    all.addAll(contributedBy(scenario));
    all.addAll(contributedBy(workload));
    return merged(all);
  }

  /** {@code checks} ordered by priority; equal priorities keep their order (a stable sort). */
  static List<RunCheck> merged(List<RunCheck> checks) {
    List<RunCheck> out = new ArrayList<>(checks);
    out.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
    return List.copyOf(out);
  }

  /** Each check's report on {@code run}, judged in list order. */
  static List<CheckReport> judge(List<RunCheck> checks, FinishedRun run) {
    List<CheckReport> reports = new ArrayList<>();
    for (RunCheck check : checks) {
      reports.add(check.judged(run));
    }
    return reports;
  }

  /** The checks every run has. */
  static List<RunCheck> harness() {
    return List.of(
        new RunCheck("sut-exception", SUT_EXCEPTION, RunChecks::sutException),
        new RunCheck("raft-safety", RAFT_SAFETY, RunChecks::raftSafety),
        new RunCheck("vm-invariants", VM_INVARIANTS, run -> report("vm-invariants", run.vmViolations(), System.nanoTime())),
        new RunCheck("linearizability", LINEARIZABILITY, RunChecks::linearizability),
        new RunCheck("liveness", LIVENESS, RunChecks::liveness),
        new RunCheck("convergence", CONVERGENCE, RunChecks::convergence));
  }

  /** A note that the log properties went unjudged for another system under test, then the scenario's own checks. */
  static List<RunCheck> contributedBy(Scenario scenario) {
    List<RunCheck> out = new ArrayList<>();
    if (scenario.sut() != SutKind.TUMBLER) {
      out.add(new RunCheck("raft-log-safety", RAFT_LOG_SAFETY,
          run -> new CheckReport("raft-log-safety", CheckReport.Verdict.SKIPPED, List.of(LOG_SAFETY_SKIPPED), 0)));
    }
    for (int i = 0; i < scenario.checks().size(); i++) {
      String name = "scenario-" + (i + 1);
      ScenarioCheck check = scenario.checks().get(i);
      out.add(new RunCheck(name, SCENARIO, run -> scenarioCheck(name, check, run)));
    }
    return out;
  }

  /** The member-hosts check, for a workload that follows membership. */
  static List<RunCheck> contributedBy(Workload workload) {
    return workload.membershipAware()
        .map(m -> List.of(new RunCheck("member-hosts", MEMBER_HOSTS, run -> memberHosts(m, run))))
        .orElse(List.of());
  }

  private static CheckReport sutException(FinishedRun run) {
    return run.sutException() == null ? CheckReport.pass("sut-exception", 0)
        : new CheckReport("sut-exception", CheckReport.Verdict.FAIL, run.sutException().details(), 0);
  }

  /**
   * The Raft safety verdict, with a node invariant that stopped the run; for a system under test other than
   * Tumbler's Raft it says which properties the journal let it check (roles and terms, not log internals).
   */
  private static CheckReport raftSafety(FinishedRun run) {
    long t0 = System.nanoTime();
    List<String> failures = new ArrayList<>(run.safetyViolations().stream().map(SafetyViolation::describe).toList());
    if (run.nodeInvariant() != null) {
      failures.add(run.nodeInvariant());
    }
    CheckReport r = report("raft-safety", failures, t0);
    Scenario scenario = run.scenario();
    if (scenario.sut() == SutKind.TUMBLER) {
      return r;
    }
    List<String> details = new ArrayList<>(r.details());
    details.add(0, "checked for " + scenario.sut().cliName() + ": election safety (at most one leader per term) "
        + "from the roles and terms its node reports journal; the log properties are in raft-log-safety");
    return new CheckReport(r.check(), r.verdict(), details, r.millis());
  }

  private static CheckReport linearizability(FinishedRun run) {
    CheckResult lin = run.linearizability();
    double millis = lin.stats().elapsedMillis();
    boolean expectViolation = run.scenario().expectation() == Expectation.NON_LINEARIZABLE;
    if (lin instanceof CheckResult.Valid) {
      String note = expectViolation ? "expected a stale read; this schedule did not expose one" : "";
      return new CheckReport("linearizability", CheckReport.Verdict.PASS,
          note.isEmpty() ? List.of() : List.of(note), millis);
    }
    if (lin instanceof CheckResult.Invalid invalid) {
      String what = "cannot linearize " + invalid.counterexample().op();
      return expectViolation
          ? new CheckReport("linearizability", CheckReport.Verdict.PASS, List.of("expected violation found: " + what), millis)
          : new CheckReport("linearizability", CheckReport.Verdict.FAIL, List.of(what), millis);
    }
    CheckResult.Unknown unknown = (CheckResult.Unknown) lin;
    if (unknown.cause() == io.tumbler.lin.UnknownCause.NOTHING_CHECKED) {
      // A run that ended before any client operation (a hunt stopped at its first violation): nothing to judge
      // here, and not a harness error; a run that should have served clients fails liveness instead.
      return new CheckReport("linearizability", CheckReport.Verdict.SKIPPED, List.of("no client operation to check"),
          millis);
    }
    return new CheckReport("linearizability", CheckReport.Verdict.UNKNOWN,
        List.of(unknown.cause() + ": " + unknown.detail()), millis);
  }

  private static CheckReport liveness(FinishedRun run) {
    if (run.stoppedEarly() != null) {
      return notJudged("liveness", run);
    }
    List<String> problems = new ArrayList<>(run.live() ? List.of() : run.livenessProblems());
    if (run.healedAtNanos() >= 0) {
      Scenario scenario = run.scenario();
      problems.addAll(new ElectionBound(scenario.cluster(), scenario.electionBoundTimeouts())
          .problems(run.journal(), run.healedAtNanos(), run.endNanos()));
    }
    return problems.isEmpty()
        ? CheckReport.pass("liveness", 0)
        : new CheckReport("liveness", CheckReport.Verdict.FAIL, problems, 0);
  }

  private static CheckReport convergence(FinishedRun run) {
    if (run.stoppedEarly() != null) {
      return notJudged("convergence", run); // nodes were stopped mid-flight, not given time to catch up
    }
    List<String> problems = new LivenessProbe(run.cluster(), run.history(), 0).divergence();
    return report("convergence", problems, System.nanoTime());
  }

  /** {@link MemberHostsCheck} on the final state of the member that applied the most (the lowest id on a tie). */
  private static CheckReport memberHosts(MembershipAware workload, FinishedRun run) {
    if (run.stoppedEarly() != null) {
      return notJudged("member-hosts", run);
    }
    long t0 = System.nanoTime();
    TumblerNode judged = null;
    for (int id : run.cluster().nodes()) {
      TumblerNode p = run.cluster().running(id);
      if (p != null && (judged == null || p.node().appliedIndex() > judged.node().appliedIndex())) {
        judged = p;
      }
    }
    if (judged == null) {
      return report("member-hosts", List.of("no member is running to read the final state from"), t0);
    }
    String where = "n" + judged.nodeId() + " at applied index " + judged.node().appliedIndex();
    return report("member-hosts", MemberHostsCheck.problems(workload.hostMembership(), judged.stateMachine().state(), where), t0);
  }

  private static CheckReport scenarioCheck(String name, ScenarioCheck check, FinishedRun run) {
    long t0 = System.nanoTime();
    ScenarioCheck.RunRecord record = new ScenarioCheck.RunRecord(run.journal(), run.appliedFaults(),
        run.scenario().safetyMillis() * 1_000_000L, run.scenario().cluster().nodes());
    return report(name, check.evaluate(record), t0);
  }

  private static CheckReport notJudged(String check, FinishedRun run) {
    return new CheckReport(check, CheckReport.Verdict.SKIPPED, List.of("not judged: " + run.stoppedEarly()), 0);
  }

  private static CheckReport report(String name, List<String> failures, long startNanos) {
    double millis = (System.nanoTime() - startNanos) / 1e6;
    return failures.isEmpty()
        ? CheckReport.pass(name, millis)
        : new CheckReport(name, CheckReport.Verdict.FAIL, failures, millis);
  }
}
