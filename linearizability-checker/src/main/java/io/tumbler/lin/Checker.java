package io.tumbler.lin;

import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.CounterexampleBuilder;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.search.PartitionOutcome;
import io.tumbler.lin.search.Partitioner;
import io.tumbler.lin.search.SearchLimits;
import io.tumbler.lin.search.SubHistory;
import io.tumbler.lin.search.WglSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The linearizability checker: splits a history into the sub-histories the model allows, runs Lowe's
 * memoized Wing–Gong search on each (in parallel, largest first), and composes the verdicts.
 *
 * <p>The verdict never depends on scheduling: every sub-history is searched to its own verdict (a
 * violation in one does not cancel the others), and the counterexamples are ordered by where the
 * violation happened in the history. Only the budgets (time, and the configuration and memory bounds
 * shared by concurrent searches) can make a run UNKNOWN where another decides.
 *
 * <p>Thread-safe: a checker holds only options; each {@link #check} has its own state.
 */
public final class Checker {
  private static final int MAX_FINAL_PATH_NODES = 20_000;

  private final CheckerOptions options;

  public Checker(CheckerOptions options) {
    this.options = options;
  }

  /** A checker with {@link CheckerOptions#defaults()}. */
  public static Checker withDefaults() {
    return new Checker(CheckerOptions.defaults());
  }

  /** The options. */
  public CheckerOptions options() {
    return options;
  }

  /**
   * Checks {@code history} against {@code model}. Nothing passes unless something was checked: a history
   * without a single client call (none at all, or only nemesis events) is {@link UnknownCause#NOTHING_CHECKED},
   * never valid. A history whose calls all failed is decided as usual: each failure was checked against
   * what the model makes of it.
   */
  public <S> CheckResult check(Model<S> model, History history) {
    long started = System.nanoTime();
    long deadline = options.timeLimit() == null ? Long.MAX_VALUE : started + options.timeLimit().toNanos();
    SearchLimits limits = new SearchLimits(deadline, options.maxConfigurations(), options.memoryBudgetBytes());
    if (history.invocationCount() == 0) {
      return unsearched(model, history, UnknownCause.NOTHING_CHECKED, "the history has no client operations", started);
    }
    List<SubHistory> parts;
    try {
      parts = Partitioner.split(model, history);
    } catch (RuntimeException e) {
      return unsearched(model, history, UnknownCause.MODEL_ERROR, "model " + model.name() + ": " + e.getMessage(), started);
    }
    PartitionRun[] runs = runAll(model, parts, limits);
    return compose(model, history, runs, System.nanoTime() - started);
  }

  /** An unknown verdict reached before any search started. */
  private static CheckResult unsearched(Model<?> model, History history, UnknownCause cause, String detail, long started) {
    CheckStats stats = new CheckStats(model.name(), history.invocationCount(), 0, 0, System.nanoTime() - started, List.of());
    return new CheckResult.Unknown(cause, detail, stats);
  }

  /** A sub-history's outcome and, when invalid, its counterexample. */
  private record PartitionRun(PartitionOutcome outcome, Counterexample counterexample) {}

  private <S> PartitionRun[] runAll(Model<S> model, List<SubHistory> parts, SearchLimits limits) {
    PartitionRun[] runs = new PartitionRun[parts.size()];
    List<SubHistory> largestFirst = new ArrayList<>(parts);
    largestFirst.sort(Comparator.comparingInt((SubHistory part) -> -part.calls().size()).thenComparingInt(SubHistory::index));
    AtomicInteger cursor = new AtomicInteger();
    Runnable worker = () -> {
      for (int next = cursor.getAndIncrement(); next < largestFirst.size(); next = cursor.getAndIncrement()) {
        SubHistory part = largestFirst.get(next);
        runs[part.index()] = runOne(model, part, limits);
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < Math.min(options.parallelism(), parts.size()); i++) {
      Thread helper = new Thread(worker, "tumbler-checker-" + i);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    joinAll(helpers, limits);
    return runs;
  }

  private static void joinAll(List<Thread> helpers, SearchLimits limits) {
    for (Thread helper : helpers) {
      boolean joined = false;
      while (!joined) {
        try {
          helper.join();
          joined = true;
        } catch (InterruptedException e) {
          limits.cancel();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private <S> PartitionRun runOne(Model<S> model, SubHistory part, SearchLimits limits) {
    long started = System.nanoTime();
    try {
      if (options.verdictOnly()) {
        return verdictOnly(model, part, limits);
      }
      PartitionOutcome outcome = WglSearch.check(model, part, limits, options.maxBestPrefixes());
      if (outcome.verdict() != Verdict.INVALID) {
        return new PartitionRun(outcome, null);
      }
      return new PartitionRun(outcome, new CounterexampleBuilder<>(model, options.maxFinalPaths(), MAX_FINAL_PATH_NODES).build(outcome));
    } catch (OutOfMemoryError e) {
      // Outside the cache (which budgets itself): the counterexample, a model state. Unknown, never a dead helper.
      PartitionOutcome exhausted = new PartitionOutcome(part, Verdict.UNKNOWN, UnknownCause.MEMORY_LIMIT,
          "out of memory on " + (part.label().isEmpty() ? "the history" : part.label()), 0, null, List.of(),
          System.nanoTime() - started);
      return new PartitionRun(exhausted, null);
    } catch (RuntimeException | StackOverflowError e) {
      PartitionOutcome crashed = new PartitionOutcome(part, Verdict.UNKNOWN, UnknownCause.CHECKER_ERROR,
          "checker error on " + (part.label().isEmpty() ? "the history" : part.label()) + ": " + e,
          0, null, List.of(), System.nanoTime() - started);
      return new PartitionRun(crashed, null);
    }
  }

  /**
   * A sub-history's verdict without a counterexample: an invalid one cancels the searches still running
   * (they end UNKNOWN, which the invalid verdict outranks) and names only the failing call.
   */
  private static <S> PartitionRun verdictOnly(Model<S> model, SubHistory part, SearchLimits limits) {
    PartitionOutcome outcome = WglSearch.checkVerdict(model, part, limits);
    if (outcome.verdict() != Verdict.INVALID) {
      return new PartitionRun(outcome, null);
    }
    limits.cancel();
    Call failing = outcome.failingCall();
    String explanation = "verdict only: no counterexample was built"
        + (outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")");
    return new PartitionRun(outcome, new Counterexample(part.label(), part.keys(), failing, null, List.of(), List.of(),
        List.of(), explanation));
  }

  private static CheckResult compose(Model<?> model, History history, PartitionRun[] runs, long elapsedNanos) {
    Verdict verdict = Verdict.VALID;
    long configurations = 0;
    List<PartitionSummary> summaries = new ArrayList<>();
    List<Counterexample> counterexamples = new ArrayList<>();
    PartitionOutcome firstUnknown = null;
    for (PartitionRun run : runs) {
      PartitionOutcome outcome = run.outcome();
      verdict = verdict.and(outcome.verdict());
      configurations += outcome.configurations();
      SubHistory part = outcome.subHistory();
      summaries.add(new PartitionSummary(part.label(), part.keys(), part.calls().size(), outcome.verdict(),
          outcome.configurations(), outcome.elapsedNanos()));
      if (run.counterexample() != null) {
        counterexamples.add(run.counterexample());
      }
      if (outcome.verdict() == Verdict.UNKNOWN && firstUnknown == null) {
        firstUnknown = outcome;
      }
    }
    CheckStats stats = new CheckStats(model.name(), history.invocationCount(), runs.length, configurations, elapsedNanos, summaries);
    if (verdict == Verdict.INVALID) {
      counterexamples.sort(Comparator.comparingInt(Checker::failurePosition));
      return new CheckResult.Invalid(counterexamples, stats);
    }
    if (verdict == Verdict.UNKNOWN) {
      return new CheckResult.Unknown(firstUnknown.cause(), firstUnknown.detail(), stats);
    }
    return new CheckResult.Valid(stats);
  }

  private static int failurePosition(Counterexample counterexample) {
    int position = counterexample.failingCall().completePosition();
    return position < 0 ? Integer.MAX_VALUE : position;
  }
}
