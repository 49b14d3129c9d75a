package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault vocabulary is derived from the sealed {@link Fault} hierarchy, so these tests walk every kind there is,
 * including one added tomorrow: each has a schedule name, survives a round trip through JSON, declares what it does
 * and names the nodes it aims at, so schedule validation sees them.
 */
class FaultTypesTest {

  @Test
  void everyKindHasANameAndAnExample() {
    List<Fault> examples = FaultTypes.examples();
    assertEquals(FaultTypes.names().size(), examples.size());
    List<String> names = new ArrayList<>();
    for (Fault f : examples) {
      names.add(FaultTypes.nameOf(f));
    }
    assertEquals(FaultTypes.names(), names);
    assertTrue(names.containsAll(List.of("crash", "kill-leader", "on-step", "replay-handshake", "pause-leader")), names::toString);
  }

  @Test
  void everyKindRoundTripsThroughAScheduleExactly() {
    List<TimedFault> timed = new ArrayList<>();
    long at = 0;
    for (Fault f : FaultTypes.examples()) {
      timed.add(new TimedFault(at += 10, f));
    }
    Schedule schedule = Schedule.of(timed);
    String json = schedule.toJson();
    assertEquals(schedule, Schedule.fromJson(json));
    List<String> written = new ArrayList<>();
    for (String line : json.split("\n")) {
      if (line.trim().startsWith("\"type\"")) {
        written.add(line.trim().replaceAll("^\"type\" : \"(.*)\",?$", "$1"));
      }
    }
    assertEquals(FaultTypes.names().stream().sorted().toList(), written.stream().sorted().toList());
  }

  @Test
  void everyKindThatNamesANodeSaysSoToValidation() {
    for (Fault f : FaultTypes.examples()) {
      boolean hasNode = Arrays.stream(f.getClass().getRecordComponents()).map(RecordComponent::getName)
          .anyMatch(n -> n.equals("node"));
      assertEquals(hasNode, f instanceof Fault.OnNode, FaultTypes.nameOf(f) + ": a node component must make it OnNode");
      if (hasNode) {
        assertEquals(List.of(1), f.nodesNamed(), FaultTypes.nameOf(f));
      }
    }
  }

  @Test
  void everyHealIsAFaultOfAKindThatEndsSomethingOrIsAMoment() {
    for (Fault f : FaultTypes.examples()) {
      Fault heal = f.heal();
      assertTrue(FaultTypes.names().contains(FaultTypes.nameOf(heal)), FaultTypes.nameOf(f));
      assertTrue(heal.effect().name().startsWith("HEAL") || heal.effect() == Effect.RESTART
          || heal.effect() == Effect.UNCLOG || heal.effect() == Effect.DISARM || heal.effect() == f.effect(),
          FaultTypes.nameOf(f) + " heals with " + heal);
    }
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheKnownOnes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Schedule.fromJson("{\"faults\":[{\"atMillis\":5,\"fault\":{\"type\":\"meteor\"}}]}"));
    assertTrue(e.getMessage().contains("meteor"), e.getMessage());
    assertTrue(e.getMessage().contains("crash"), e.getMessage());
  }
}
