package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Fault.ClogMinorityToLeader} in a real simulated cluster: after the leader is cut into the minority,
 * exactly the link from its partner to it is clogged (one way), every message held on it is the partner's to
 * the leader, and the heal releases them all.
 */
class ClogMinorityToLeaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TARGET = Pattern.compile("\\(n(\\d)\\)");

  @Test
  void holdsOnlyThePartnersMessagesToTheLeaderUntilTheHeal() throws Exception {
    Schedule schedule = Schedule.of(List.of(
        new TimedFault(600, new Fault.LeaderToMinority()),
        new TimedFault(600, new Fault.ClogMinorityToLeader()),
        new TimedFault(900, new Fault.HealNetwork())));
    Scenario scenario = new Scenario("clog-minority-test", "a leader cut into the minority whose partner is clogged",
        ClusterConfig.defaults().withCheckQuorum(false), "kv", ReadMode.LINEARIZABLE, FaultScript.fixed(schedule),
        1_500, 3_000, 400, Expectation.CORRECT, List.of());
    RunArtifacts run = new ScenarioRunner(true, Duration.ofSeconds(60)).run(scenario, 3);
    assertEquals(Outcome.PASS, run.result().outcome(), () -> run.result().checks().toString());

    String applied = run.appliedFaults().get(1).applied();
    Matcher m = TARGET.matcher(applied);
    assertTrue(m.find(), applied);
    int leader = Integer.parseInt(m.group(1));
    int partner = leader % 5 + 1; // LeaderToMinority keeps the leader's ring successor beside it
    int leaderProcess = leader - 1;
    int partnerProcess = partner - 1;

    List<JsonNode> clogs = new ArrayList<>();
    int held = 0;
    long released = 0;
    for (String line : run.traceLines()) {
      JsonNode e = JSON.readTree(line);
      switch (e.get("type").asText()) {
        case "NETWORK_CLOG" -> {
          if (e.get("timeNanos").asLong() < 1_000_000_000L) { // the liveness phase's heal-all unclogs again
            clogs.add(e);
          }
        }
        case "MESSAGE_HOLD" -> {
          held++;
          assertEquals("p" + leaderProcess, e.get("process").asText(), "held at the leader: " + line);
          assertEquals(partnerProcess, e.get("a").asInt(), "held from the partner: " + line);
        }
        case "MESSAGE_RELEASE" -> released += e.get("a").asLong();
        default -> { }
      }
    }
    assertTrue(held > 0, "the partner kept acknowledging the leader's appends, so something was held");
    assertEquals(held, released, "the heal releases everything that was held");
    assertEquals(2, clogs.size(), "one clog and the heal's unclog-all: " + clogs);
    assertEquals(partnerProcess, clogs.get(0).get("a").asInt(), clogs.get(0).toString());
    assertEquals(leaderProcess, clogs.get(0).get("b").asInt(), clogs.get(0).toString());
  }
}
