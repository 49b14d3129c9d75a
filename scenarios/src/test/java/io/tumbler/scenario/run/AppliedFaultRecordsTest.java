package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * checks.json's appliedFaults round trip: what scenarios writes for a real run is what the run-format record reads
 * back, with the schedule fault as data (it reads back as the same {@link Fault}) and the nodes a leader-targeted
 * fault resolved to (the leader first, then the rest of its minority).
 */
class AppliedFaultRecordsTest {
  @TempDir Path dir;

  @Test
  void appliedFaultsAreWrittenAsDataAndReadBackEqual() throws Exception {
    List<TimedFault> timed = List.of(new TimedFault(400, new Fault.LeaderToMinority()),
        new TimedFault(700, new Fault.HealNetwork()), new TimedFault(900, new Fault.OneWay(1, 2)),
        new TimedFault(1000, new Fault.HealNetwork()),
        new TimedFault(1200, new Fault.Partition(List.of(List.of(1), List.of(2, 3)))));
    Scenario scenario = new Scenario("applied-faults", "network faults as data", ClusterConfig.defaults().withNodes(5), "kv",
        ReadMode.LINEARIZABLE, FaultScript.fixed(Schedule.of(timed)), 1500, 2_000, 200, Expectation.CORRECT,
        List.of());
    RunArtifacts run = new ScenarioRunner(false, Duration.ofSeconds(60)).run(scenario, 3);
    RunDirectory.write(dir, run, "test");

    JsonNode written = new ObjectMapper().readTree(dir.resolve("checks.json").toFile()).get("appliedFaults");
    List<AppliedFault> read = List.of(RunFormatJson.mapper().convertValue(written, AppliedFault[].class));
    assertEquals(AppliedFaultRecords.of(run.appliedFaults()), read);
    for (int i = 0; i < read.size(); i++) {
      Fault asScheduled = RunFormatJson.mapper().treeToValue(read.get(i).spec(), Fault.class);
      assertEquals(run.appliedFaults().get(i).spec(), asScheduled, "the schedule fault, as data");
      assertEquals(read.get(i).type(), read.get(i).spec().get("type").asText());
    }
    AppliedFault minority = read.get(0);
    assertTrue(minority.done(), "a leader was elected by 400 ms");
    assertEquals(2, minority.nodes().size(), "(5 - 1) / 2 = 2: the leader and its ring successor");
    assertEquals(minority.node(), minority.nodes().get(0), "the leader first");
    assertEquals(minority.node() % 5 + 1, minority.nodes().get(1), "then its successor on the ring");
    AppliedFault oneWay = read.stream().filter(f -> f.type().equals("one-way")).findFirst().orElseThrow();
    assertEquals(List.of(1, 2), oneWay.nodes());
  }
}
