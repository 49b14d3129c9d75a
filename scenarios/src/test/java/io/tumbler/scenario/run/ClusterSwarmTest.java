package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.sim.random.RandomStreams;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The default scenario's deployment swarm: wide, sane, pure in the seed, and pinned by overrides. */
class ClusterSwarmTest {
  private static final Scenario DEFAULT = ScenarioCatalog.named(ScenarioCatalog.DEFAULT);

  private static RunShape shape(Scenario s, long seed) {
    return s.swarm().draw(RandomStreams.root(seed).stream("shape"), s);
  }

  @Test
  void theDefaultScenarioDrawsEveryClusterSizeWorkloadAndKnob() {
    Set<Integer> sizes = new TreeSet<>();
    Set<String> workloads = new TreeSet<>();
    Set<ReadMode> reads = new TreeSet<>();
    Set<String> knobs = new TreeSet<>();
    for (long seed = 1; seed <= 2_000; seed++) {
      RunShape s = shape(DEFAULT, seed);
      ClusterConfig c = s.cluster();
      sizes.add(c.nodes());
      workloads.add(s.workload());
      reads.add(s.readMode());
      knobs.add("prevote=" + c.preVote());
      knobs.add("checkquorum=" + c.checkQuorum());
      knobs.add("homed=" + c.clientsHomed());
      knobs.add("batch=" + c.maxEntriesPerAppend());
      knobs.add("inflight=" + c.maxInflightAppends());
      knobs.add("tick=" + c.tickNanos() / 1_000_000);
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), sizes);
    assertEquals(Set.of("kv", "kv-readers", "vm", "paths"), workloads);
    assertEquals(Set.of(ReadMode.LINEARIZABLE, ReadMode.LEASE, ReadMode.LOCAL), reads);
    for (String knob : new String[] {"prevote=false", "prevote=true", "checkquorum=false", "homed=true", "batch=1",
        "inflight=1", "tick=2", "tick=20"}) {
      assertTrue(knobs.contains(knob), knob + " never drawn: " + knobs);
    }
  }

  @Test
  void everyDrawnDeploymentIsOneACorrectRaftMustSurvive() {
    for (long seed = 1; seed <= 2_000; seed++) {
      RunShape s = shape(DEFAULT, seed);
      ClusterConfig c = s.cluster();
      long electionNanos = c.tickNanos() * c.electionTimeoutTicks();
      assertTrue(electionNanos >= 6 * c.latencyMicrosMax() * 1_000, "seed " + seed + ": election timeout "
          + electionNanos + " ns against latency up to " + c.latencyMicrosMax() + " us");
      assertTrue(c.heartbeatIntervalTicks() < c.electionTimeoutTicks());
      if (s.readMode() == ReadMode.LEASE) {
        assertTrue(c.checkQuorum() && c.leaseSafeClocks(), "seed " + seed + ": leases need CheckQuorum and sane clocks");
        assertTrue(c.maxClockDriftPpm() > 0 && c.maxClockDriftPpm() <= 200_000);
      } else {
        assertFalse(c.leaseSafeClocks());
      }
      if (s.clientTiming().attemptTimeoutNanos() < 100_000_000L) {
        assertTrue(c.latencyMicrosMax() <= 2_000, "seed " + seed + ": impatient clients only on a LAN");
      }
    }
  }

  @Test
  void theDrawIsAPureFunctionOfTheSeedAndOverridesPinTheWorkload() {
    assertEquals(shape(DEFAULT, 77), shape(DEFAULT, 77));
    Scenario pinned = DEFAULT.withWorkload("vm", ReadMode.LINEARIZABLE);
    for (long seed = 1; seed <= 200; seed++) {
      RunShape s = shape(pinned, seed);
      assertEquals("vm", s.workload());
      assertEquals(ReadMode.LINEARIZABLE, s.readMode());
      assertEquals(shape(DEFAULT, seed).cluster().nodes(), s.cluster().nodes(), "pinning the workload keeps the cluster");
    }
    assertFalse(ScenarioCatalog.named("figure-8").swarm().draws(), "hand-written scenarios keep their deployment");
  }

  @Test
  void aRecordedShapeReplaysTheSameRun() {
    long seed = 5;
    RunArtifacts drawn = new ScenarioRunner(false, java.time.Duration.ofSeconds(60)).run(DEFAULT, seed);
    Scenario fixed = DEFAULT.withShape(drawn.scenario().shape()).withSchedule(drawn.schedule());
    RunArtifacts again = new ScenarioRunner(false, java.time.Duration.ofSeconds(60)).run(fixed, seed);
    assertEquals(drawn.result().fingerprint(), again.result().fingerprint());
    assertEquals(shape(DEFAULT, seed), drawn.scenario().shape(), "the run used the drawn shape");
  }
}
