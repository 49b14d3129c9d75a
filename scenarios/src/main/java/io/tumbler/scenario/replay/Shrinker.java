package io.tumbler.scenario.replay;

import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Shrinks a failing run by delta debugging, re-running every candidate deterministically with the same
 * seed: first the shortest prefix of the schedule (in time order) that still fails, found by bisection —
 * faults after a failure cannot have caused it, and a long swarm schedule loses most of its faults in a
 * few runs — then the schedule's faults (Zeller's ddmin over the fault list), then the number of client
 * operations, then the length of the safety phase. A candidate is kept only if it still fails the SAME
 * check (the first check the original run violated).
 */
public final class Shrinker {
  private final long seed;
  private final String targetCheck;
  private final ScenarioRunner runner;
  private final Consumer<String> progress;
  private int runs;

  public Shrinker(long seed, String targetCheck, Duration checkTimeLimit, Consumer<String> progress) {
    this.seed = seed;
    this.targetCheck = targetCheck;
    // A candidate only has to fail the target check; when that is not linearizability, an expensive check of a
    // broken history would only slow every candidate down, so it gets a token budget (its verdict is unused).
    Duration limit = targetCheck.equals("linearizability") ? checkTimeLimit : Duration.ofMillis(200);
    this.runner = new ScenarioRunner(false, limit, targetCheck.equals("raft-safety"));
    this.progress = progress;
  }

  /** The result: the smallest failing scenario found, its run, and how many runs it took. */
  public record Result(Scenario scenario, RunArtifacts run, int runs) {}

  public Result shrink(Scenario failing) {
    Scenario current = shrinkFaults(failing);
    current = shrinkOperations(current);
    current = shrinkSafetyPhase(current);
    RunArtifacts finalRun = new ScenarioRunner(true, Duration.ofSeconds(60)).run(current, seed);
    return new Result(current, finalRun, runs);
  }

  private boolean fails(Scenario candidate) {
    if (candidate.faults() instanceof io.tumbler.scenario.run.FaultScript.Pinned pinned
        && !io.tumbler.fault.ScheduleCheck.problems(pinned.schedule(), candidate.cluster().nodes()).isEmpty()) {
      return false; // a cut that drops an add-node or replace-node leaves later faults naming ids nobody has
    }
    runs++;
    RunArtifacts run = runner.run(candidate, seed);
    return run.result().violated().contains(targetCheck);
  }

  /**
   * The fewest leading faults (the schedule is in time order) that still fail, by bisection over the count.
   * Failing is not strictly monotone in the prefix length, so this is a heuristic; whatever it returns was
   * seen to fail (or is the whole schedule).
   */
  private List<TimedFault> shortestFailingPrefix(Scenario s, List<TimedFault> faults) {
    int low = 0;
    int high = faults.size();
    while (low < high) {
      int mid = (low + high) / 2;
      if (fails(s.withSchedule(Schedule.of(faults.subList(0, mid))))) {
        high = mid;
        progress.accept("faults: " + high + " (prefix)");
      } else {
        low = mid + 1;
      }
    }
    return new ArrayList<>(faults.subList(0, high));
  }

  private Scenario shrinkFaults(Scenario s) {
    List<TimedFault> faults = shortestFailingPrefix(s, scheduleOf(s).faults());
    int chunks = 2;
    while (faults.size() >= 1) {
      boolean reduced = false;
      int chunkSize = Math.max(1, (faults.size() + chunks - 1) / chunks);
      for (int start = 0; start < faults.size(); start += chunkSize) {
        List<TimedFault> without = new ArrayList<>(faults.subList(0, start));
        without.addAll(faults.subList(Math.min(faults.size(), start + chunkSize), faults.size()));
        if (fails(s.withSchedule(Schedule.of(without)))) {
          faults = without;
          progress.accept("faults: " + faults.size());
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (chunkSize == 1) {
          break;
        }
        chunks = Math.min(faults.size(), chunks * 2);
      }
    }
    return s.withSchedule(Schedule.of(faults));
  }

  private Scenario shrinkOperations(Scenario s) {
    int limit = s.operationLimit();
    while (limit > 10) {
      int half = limit / 2;
      if (!fails(s.withOperationLimit(half))) {
        break;
      }
      limit = half;
      progress.accept("operations: " + limit);
    }
    return s.withOperationLimit(limit);
  }

  private Scenario shrinkSafetyPhase(Scenario s) {
    long lastFault = 0;
    for (TimedFault f : scheduleOf(s).faults()) {
      lastFault = Math.max(lastFault, f.atMillis());
    }
    long millis = s.safetyMillis();
    while (millis / 2 > lastFault && millis > 200) {
      long half = millis / 2;
      if (!fails(s.withSafetyMillis(half))) {
        break;
      }
      millis = half;
      progress.accept("safety phase: " + millis + " ms");
    }
    return s.withSafetyMillis(millis);
  }

  private Schedule scheduleOf(Scenario s) {
    return s.faults().schedule(null, s.cluster(), s.safetyMillis());
  }
}
