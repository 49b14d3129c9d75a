package io.tumbler.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.FaultPoints;
import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import io.tumbler.sim.random.RandomStreams;
import java.time.Duration;
import java.util.EnumMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Buggify in the simulated cluster: the default scenario runs with it on and passes, a seed replays to the same
 * fingerprint, the run says which points it enabled (trace and notes), and the points really fire.
 */
class BuggifyTest {
  private static final Pattern FIRED = Pattern.compile("([a-z-]+) fired (\\d+)/(\\d+)");

  private static RunArtifacts run(long seed, boolean keepTrace) {
    return new ScenarioRunner(keepTrace, Duration.ofSeconds(60)).run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), seed);
  }

  /** The fires per point name from the run's buggify note; empty when the run enabled nothing. */
  private static EnumMap<FaultPoint, Long> firedIn(RunResult r) {
    EnumMap<FaultPoint, Long> fired = new EnumMap<>(FaultPoint.class);
    for (String note : r.notes()) {
      if (!note.startsWith("buggify: ")) {
        continue;
      }
      Matcher m = FIRED.matcher(note);
      while (m.find()) {
        for (FaultPoint p : FaultPoint.values()) {
          if (p.pointName().equals(m.group(1))) {
            fired.put(p, Long.parseLong(m.group(2)));
          }
        }
      }
    }
    return fired;
  }

  @Test
  void buggifyIsOnByDefaultAndOffGivesProductionFaultPoints() {
    assertTrue(ClusterConfig.defaults().buggify());
    assertFalse(ClusterConfig.defaults().withBuggify(false).buggify());
    assertTrue(ScenarioCatalog.named(ScenarioCatalog.DEFAULT).cluster().buggify());
    SimFaultPoints off = SimFaultPoints.off();
    assertFalse(off.anyEnabled());
    assertSame(FaultPoints.NONE, off.forNode(1));
  }

  @Test
  void enablementIsSwarmStyleAndFollowsTheSeed() {
    int enabled = 0;
    int runs = 400;
    for (long seed = 0; seed < runs; seed++) {
      SimFaultPoints a = SimFaultPoints.drawn(RandomStreams.root(seed).stream("buggify"));
      SimFaultPoints b = SimFaultPoints.drawn(RandomStreams.root(seed).stream("buggify"));
      assertEquals(a.enabledNames(), b.enabledNames(), "seed " + seed);
      enabled += a.enabledNames().size();
    }
    double rate = enabled / (double) (runs * FaultPoint.values().length);
    assertTrue(rate > 0.2 && rate < 0.3, "about one point in four is enabled per run: " + rate);
  }

  @Test
  void aDefaultRunWithBuggifyPassesReplaysExactlyAndSaysWhatFired() {
    long seed = firstSeedWithSomethingEnabled();
    RunArtifacts first = run(seed, true);
    RunResult r = first.result();
    assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
    assertEquals(r.fingerprint(), run(seed, false).result().fingerprint(), "same seed, same run");
    assertTrue(first.traceLines().stream().anyMatch(l -> l.contains("buggify on: ")), "the trace names the points");
    EnumMap<FaultPoint, Long> fired = firedIn(r);
    assertFalse(fired.isEmpty(), "the notes name the enabled points: " + r.notes());
    assertTrue(fired.values().stream().mapToLong(Long::longValue).sum() > 0, "points fired: " + r.notes());
  }

  @Test
  void aRunWithAKnownBugDrawsTheSameBuggifyPointsAsTheCorrectBuild() {
    long seed = firstSeedWithSomethingEnabled();
    var withBug = ScenarioCatalog.named(ScenarioCatalog.DEFAULT).withBugs(KnownBugs.of(KnownBug.NO_SESSION_DEDUP));
    RunArtifacts buggy = new ScenarioRunner(true, Duration.ofSeconds(60)).run(withBug, seed);
    RunArtifacts correct = run(seed, true);
    String enabled = correct.traceLines().stream().filter(l -> l.contains("buggify on: ")).findFirst().orElseThrow();
    assertTrue(buggy.traceLines().contains(enabled), "a bug hunt runs the same simulation, fault points included");
  }

  /** For each point, the first seed that enables it: that default run passes and the point fires in it. */
  @Test
  void everyPointFiresInARunThatEnablesItAndTheRunPasses() {
    for (FaultPoint p : FaultPoint.values()) {
      long seed = firstSeedEnabling(p);
      RunResult r = run(seed, false).result();
      assertEquals(Outcome.PASS, r.outcome(), () -> r.replayCommand() + "\n" + r.checks());
      assertTrue(firedIn(r).getOrDefault(p, 0L) > 0, p.pointName() + " never fired in seed " + seed + ": " + r.notes());
    }
  }

  private static long firstSeedEnabling(FaultPoint point) {
    for (long seed = 1; ; seed++) {
      if (SimFaultPoints.drawn(RandomStreams.root(seed).stream("buggify")).isEnabled(point)) {
        return seed;
      }
    }
  }

  private static long firstSeedWithSomethingEnabled() {
    for (long seed = 1; ; seed++) {
      if (SimFaultPoints.drawn(RandomStreams.root(seed).stream("buggify")).anyEnabled()) {
        return seed;
      }
    }
  }
}
