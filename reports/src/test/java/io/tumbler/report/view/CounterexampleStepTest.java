package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.runformat.LinearizabilityRecord;
import org.junit.jupiter.api.Test;

/** Final-path steps of linearizability.json as the report words them, the initial-state step included. */
class CounterexampleStepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LinearizabilityRecord.Step step(String json) throws Exception {
    return JSON.readValue(json, LinearizabilityRecord.Step.class);
  }

  @Test
  void aPathFromTheInitialStateStartsWithAStepWithoutACall() throws Exception {
    assertEquals("initial state",
        Counterexample.describeCall(step("{\"initial\":true,\"legal\":true,\"state\":\"0\"}")));
  }

  @Test
  void aCallStepNamesProcessOperationOutcomeAndIndex() throws Exception {
    String step = Counterexample.describeCall(step(
        "{\"process\":2,\"f\":\"read\",\"input\":null,\"output\":5,\"outcome\":\"ok\",\"invokeIndex\":0}"));
    assertEquals(true, step.startsWith("process 2: "), step);
    assertEquals(true, step.endsWith("(ok, #0)"), step);
  }
}
