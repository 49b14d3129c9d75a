package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.run.DefaultFaults.Driver;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.random.RandomStreams;
import io.tumbler.sut.SutKind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default scenario's operators: a share of its runs on 3 or more nodes changes membership or runs the rejoin
 * handshake, chosen without drawing from the nemesis stream, so every other run draws the swarm plan it always drew.
 */
class DefaultFaultsTest {
  private static final Scenario DEFAULT = ScenarioCatalog.named(ScenarioCatalog.DEFAULT);

  private static ClusterConfig cluster(long seed) {
    return DEFAULT.swarm().draw(RandomStreams.root(seed).stream("shape"), DEFAULT).cluster();
  }

  private static RandomStream nemesis(long seed) {
    return RandomStreams.root(seed).stream("nemesis");
  }

  @Test
  void everyRunGetsItsDriversScheduleAndASwarmRunTheVeryPlanTheSwarmAloneDraws() {
    Map<Driver, Integer> runs = new EnumMap<>(Driver.class);
    Map<Driver, Integer> changed = new EnumMap<>(Driver.class);
    Map<Driver, Integer> joined = new EnumMap<>(Driver.class);
    int eligible = 0;
    for (long seed = 1; seed <= 3_000; seed++) {
      ClusterConfig c = cluster(seed);
      Driver driver = DefaultFaults.CAMPAIGN.pick(nemesis(seed), c);
      Schedule s = DEFAULT.faults().schedule(nemesis(seed), c, 6_000);
      runs.merge(driver, 1, Integer::sum);
      eligible += c.nodes() >= 3 ? 1 : 0;
      boolean changes = s.faults().stream().anyMatch(f -> f.fault() instanceof Fault.AddNode
          || f.fault() instanceof Fault.RemoveNode || f.fault() instanceof Fault.ReplaceNode);
      boolean joins = s.faults().stream().anyMatch(f -> f.fault() instanceof Fault.JoinNode
          || f.fault() instanceof Fault.Rejoin || f.fault() instanceof Fault.RejoinWithBadSecret
          || f.fault() instanceof Fault.ReplayHandshake);
      FaultScript expected = switch (driver) {
        case SWARM -> RandomFaults.swarm();
        case MEMBERSHIP -> MembershipFaults.script();
        case REJOIN -> RejoinFaults.script();
      };
      assertEquals(expected.schedule(nemesis(seed), c, 6_000), s, "seed " + seed + ": the " + driver + " script's");
      assertTrue(driver == Driver.SWARM || c.nodes() >= 3, "seed " + seed + ": operators need 3 or more nodes");
      if (driver == Driver.SWARM) {
        assertTrue(!changes && !joins, "seed " + seed + ": a swarm plan changes no membership");
      }
      changed.merge(driver, changes ? 1 : 0, Integer::sum);
      joined.merge(driver, joins ? 1 : 0, Integer::sum);
    }
    assertTrue(changed.get(Driver.MEMBERSHIP) > 0.9 * runs.get(Driver.MEMBERSHIP), "membership runs change it: "
        + changed + " of " + runs);
    assertTrue(joined.get(Driver.REJOIN) > 0.9 * runs.get(Driver.REJOIN), "rejoin runs join: " + joined + " of " + runs);
    assertEquals(0, joined.get(Driver.MEMBERSHIP), "membership runs run no handshake");
    assertTrue(Math.abs(runs.get(Driver.MEMBERSHIP) / (double) eligible - 1.0 / 6) < 0.03, runs + " of " + eligible);
    assertTrue(Math.abs(runs.get(Driver.REJOIN) / (double) eligible - 0.1) < 0.03, runs + " of " + eligible);
  }

  @Test
  void aSystemThatCannotChangeItsMembershipGetsTheSwarmInEveryRun() {
    Scenario foreign = DEFAULT.withSut(SutKind.MICRORAFT);
    for (long seed = 1; seed <= 300; seed++) {
      ClusterConfig c = cluster(seed);
      assertEquals(RandomFaults.swarm().schedule(nemesis(seed), c, 6_000),
          foreign.faults().schedule(nemesis(seed), c, 6_000), "seed " + seed);
    }
    assertSame(DEFAULT.faults(), DEFAULT.withSut(SutKind.TUMBLER).faults());
  }
}
