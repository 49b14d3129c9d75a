package io.tumbler.scenario.bugs;

import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs seeds of a scenario, in order and in parallel batches, to find how many seeds a known bug needs
 * before its expected check catches it, and how a correct build fares over the same kind of range. Each
 * simulation is single-threaded and isolated; threads live only here, at the edge.
 */
public final class BugHunt implements AutoCloseable {
  private final ExecutorService pool;
  private final int jobs;
  private final Duration checkTimeLimit;

  public BugHunt(int jobs, Duration checkTimeLimit) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    this.jobs = jobs;
    this.checkTimeLimit = checkTimeLimit;
    this.pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "tumbler-bug-hunt");
      t.setDaemon(true);
      return t;
    });
  }

  /** The scenario a bug is exposed by, with the bug switched on. */
  public static Scenario exposing(KnownBug bug) {
    return ScenarioCatalog.named(BugExposure.of(bug).scenario()).withBugs(KnownBugs.of(bug));
  }

  /** True if {@code r}'s check named {@code BugExposure.of(bug).check()} failed. */
  public static boolean caughtByExpectedCheck(KnownBug bug, RunResult r) {
    return checkFailed(r, BugExposure.of(bug).check());
  }

  /** True if the run's {@code check} failed. */
  public static boolean checkFailed(RunResult r, String check) {
    for (CheckReport c : r.checks()) {
      if (c.check().equals(check) && c.verdict() == CheckReport.Verdict.FAIL) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a hunt for {@code bug} may end each run at its first Raft safety violation. For a bug that
   * raft-safety must catch, the rest of the run cannot change the verdict (a violation found stays found), and
   * a cluster whose safety is already broken often spends its remaining time in a storm of rejected appends;
   * a bug for another check needs the whole run.
   */
  public static boolean stopsAtSafetyViolation(KnownBug bug) {
    return BugExposure.of(bug).check().equals("raft-safety");
  }

  /**
   * Seeds {@code firstSeed, firstSeed+1, ...} of the bug's scenario with the bug on, until its expected
   * check fails or {@code maxSeeds} ran. Batches run in parallel; the first catching seed in seed order counts.
   */
  public Detection seedsToDetect(KnownBug bug, long firstSeed, int maxSeeds) {
    Scenario s = exposing(bug);
    int batch = Math.max(jobs * 2, 4);
    for (int offset = 0; offset < maxSeeds; offset += batch) {
      List<RunResult> results = runSeeds(s, firstSeed + offset, Math.min(batch, maxSeeds - offset),
          stopsAtSafetyViolation(bug));
      for (int i = 0; i < results.size(); i++) {
        if (caughtByExpectedCheck(bug, results.get(i))) {
          return new Detection(bug, offset + i + 1, results.get(i));
        }
      }
    }
    return new Detection(bug, null, null);
  }

  /**
   * Seeds of {@code scenario} (not the bug's own hunt: typically the default scenario, as a user's campaign
   * runs it) with {@code bug} on, until a run fails any check or {@code maxSeeds} ran. Runs end at their first
   * safety violation, which is a detection whatever check the bug is catalogued under.
   */
  public Detection seedsToDetectOn(Scenario scenario, KnownBug bug, long firstSeed, int maxSeeds) {
    Scenario s = scenario.withBugs(KnownBugs.of(bug));
    int batch = Math.max(jobs * 2, 4);
    for (int offset = 0; offset < maxSeeds; offset += batch) {
      List<RunResult> results = runSeeds(s, firstSeed + offset, Math.min(batch, maxSeeds - offset), true);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).outcome() != Outcome.PASS) {
          return new Detection(bug, offset + i + 1, results.get(i));
        }
      }
    }
    return new Detection(bug, null, null);
  }

  /** {@code count} seeds of a (correct) scenario from {@code firstSeed}: how many did not pass. */
  public CleanRun clean(Scenario scenario, long firstSeed, int count) {
    long start = System.nanoTime();
    List<RunResult> results = runSeeds(scenario, firstSeed, count, false);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    List<Long> failing = new ArrayList<>();
    long simulatedMillis = 0;
    for (RunResult r : results) {
      simulatedMillis += r.simulatedMillis();
      if (r.outcome() != Outcome.PASS) {
        failing.add(r.seed());
      }
    }
    return new CleanRun(scenario.name(), count, failing, wallSeconds, simulatedMillis);
  }

  /**
   * Runs {@code count} consecutive seeds in parallel and returns their results in seed order; with
   * {@code stopAtSafetyViolation} each run ends at its first Raft safety violation.
   */
  public List<RunResult> runSeeds(Scenario scenario, long firstSeed, int count, boolean stopAtSafetyViolation) {
    List<Future<RunResult>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seed = firstSeed + i;
      futures.add(pool.submit(
          () -> new ScenarioRunner(false, checkTimeLimit, stopAtSafetyViolation).run(scenario, seed).result()));
    }
    List<RunResult> out = new ArrayList<>();
    for (Future<RunResult> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + scenario.name(), e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a run of " + scenario.name() + " failed in the harness: " + e.getCause(),
            e.getCause());
      }
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * How many seeds a bug needed: {@code seedsToDetect} is null when it was not caught in the range;
   * {@code run} is the catching run.
   */
  public record Detection(KnownBug bug, Integer seedsToDetect, RunResult run) {
    /** Whether the catching run's raft-safety details name the bug's expected safety property. */
    public boolean propertySeen() {
      if (run == null || BugExposure.of(bug).property() == null) {
        return false;
      }
      for (CheckReport c : run.checks()) {
        if (c.check().equals("raft-safety") && String.join("\n", c.details()).contains(BugExposure.of(bug).property())) {
          return true;
        }
      }
      return false;
    }
  }

  /** A correct build over {@code seeds} seeds of a scenario: the seeds that did not pass, and how fast it ran. */
  public record CleanRun(String scenario, int seeds, List<Long> failingSeeds, double wallSeconds,
      long simulatedMillis) {
    public CleanRun {
      failingSeeds = List.copyOf(failingSeeds);
    }

    public double seedsPerSecond() {
      return wallSeconds == 0 ? 0 : seeds / wallSeconds;
    }

    /** Simulated seconds per wall-clock second, all workers together. */
    public double acceleration() {
      return wallSeconds == 0 ? 0 : simulatedMillis / 1000.0 / wallSeconds;
    }
  }
}
