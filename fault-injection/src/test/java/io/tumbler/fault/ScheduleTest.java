package io.tumbler.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static Schedule everyKind() {
    return Schedule.of(List.of(
        new TimedFault(900, new Fault.HealAll()),
        new TimedFault(100, new Fault.Partition(List.of(List.of(1, 2), List.of(3, 4, 5)))),
        new TimedFault(100, new Fault.OneWay(1, 2)),
        new TimedFault(150, new Fault.HealNetwork()),
        new TimedFault(200, new Fault.Crash(3)),
        new TimedFault(210, new Fault.Restart(3)),
        new TimedFault(220, new Fault.Pause(2, 50_000_000L)),
        new TimedFault(230, new Fault.Wipe(4)),
        new TimedFault(240, new Fault.ClockSkew(1, 5_000_000L, 200)),
        new TimedFault(250, new Fault.ClockJump(1, -3_000_000L)),
        new TimedFault(260, new Fault.Loss(0.1)),
        new TimedFault(270, new Fault.Duplicate(0.05)),
        new TimedFault(280, new Fault.Delay(100, 20_000)),
        new TimedFault(290, new Fault.Clog(5)),
        new TimedFault(300, new Fault.Unclog(5)),
        new TimedFault(310, new Fault.TornWrite(2)),
        new TimedFault(320, new Fault.BitFlip(2)),
        new TimedFault(330, new Fault.SyncFail(2)),
        new TimedFault(340, new Fault.KillLeader()),
        new TimedFault(350, new Fault.IsolateLeader()),
        new TimedFault(360, new Fault.LeaderToMinority()),
        new TimedFault(370, new Fault.ClogLeader()),
        new TimedFault(380, new Fault.MuteLeader()),
        new TimedFault(385, new Fault.ClogMinorityToLeader()),
        new TimedFault(390, new Fault.ClockDrift(2, -40_000)),
        new TimedFault(400, new Fault.LeaderClockDrift(-40_000)),
        new TimedFault(410, new Fault.OnStep(ProtocolStep.VOTE_REQUEST_RECEIVED, StepTarget.OBSERVER,
            StepReaction.CRASH, 0, 5, 2, 300)),
        new TimedFault(420, new Fault.Disarm()),
        new TimedFault(430, new Fault.TransferLeader(0)),
        new TimedFault(440, new Fault.TransferLeader(3))));
  }

  @Test
  void roundTripsThroughJsonExactly() {
    Schedule s = everyKind();
    String json = s.toJson();
    assertTrue(json.contains("\"faults\""), json);
    assertTrue(json.contains("\"type\" : \"leader-to-minority\""), json);
    assertEquals(s, Schedule.fromJson(json));
  }

  @Test
  void faultsAreOrderedByTimeAndTiesKeepTheirOrder() {
    List<TimedFault> f = everyKind().faults();
    assertEquals(new Fault.Partition(List.of(List.of(1, 2), List.of(3, 4, 5))), f.get(0).fault());
    assertEquals(new Fault.OneWay(1, 2), f.get(1).fault());
    assertEquals(new Fault.HealAll(), f.get(f.size() - 1).fault());
  }

  @Test
  void malformedScheduleNamesTheLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedule.fromJson("{\"version\":1,\n\"faults\":[{\"atMillis\":1,\"fault\":{\"type\":\"meteor\"}}]}"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("meteor"), e.getMessage());
  }

  @Test
  void everyFaultHasAHealThatIsAFault() {
    for (TimedFault t : everyKind().faults()) {
      assertTrue(t.fault().heal() != null && !t.fault().describe().isEmpty());
    }
    assertEquals(new Fault.Restart(3), new Fault.Crash(3).heal());
    assertEquals(new Fault.ClockSkew(1, 0, 0), new Fault.ClockSkew(1, 9, 9).heal());
  }

  @Test
  void leaderMinorityPutsTheLeaderOnTheSmallerSide() {
    int[][] groups = FaultApplier.minorityWith(3, new int[] {1, 2, 3, 4, 5});
    assertArrayEquals(new int[] {3, 4}, groups[0]);
    assertArrayEquals(new int[] {5, 1, 2}, groups[1]);
    int[][] wrapped = FaultApplier.minorityWith(5, new int[] {1, 2, 3, 4, 5});
    assertArrayEquals(new int[] {5, 1}, wrapped[0]);
    int[][] three = FaultApplier.minorityWith(1, new int[] {1, 2, 3});
    assertArrayEquals(new int[] {1}, three[0]);
    assertArrayEquals(new int[] {2, 3}, three[1]);
  }

  @Test
  void withoutRemovesARange() {
    Schedule s = everyKind();
    assertEquals(s.faults().size() - 3, s.without(2, 5).faults().size());
    assertEquals(s.faults().get(5), s.without(2, 5).faults().get(2));
  }
}
