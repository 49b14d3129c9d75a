package io.tumbler.realcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The drawn fault schedule: a pure function of the seed, every enabled kind before repeats, inside the window. */
class NemesisScheduleTest {
    private static final List<Integer> NODES = List.of(1, 2, 3);

    @Test
    void theSameSeedDrawsTheSameScheduleAndAnotherSeedAnother() {
        EnumSet<NemesisKind> all = EnumSet.allOf(NemesisKind.class);
        assertEquals(NemesisSchedule.draw(5, NODES, all, 60_000), NemesisSchedule.draw(5, NODES, all, 60_000));
        assertTrue(!NemesisSchedule.draw(5, NODES, all, 60_000).equals(NemesisSchedule.draw(6, NODES, all, 60_000)));
    }

    @Test
    void everyEnabledKindComesOnceBeforeAnyRepeatsAndFaultsNeverOverlapOrLeaveTheWindow() {
        EnumSet<NemesisKind> kinds = EnumSet.of(NemesisKind.KILL, NemesisKind.PAUSE, NemesisKind.PARTITION);
        for (long seed = 1; seed <= 50; seed++) {
            NemesisSchedule s = NemesisSchedule.draw(seed, NODES, kinds, 12_000);
            assertTrue(s.faults().size() >= 3, "seed " + seed + ": " + s);
            TreeSet<NemesisKind> first = new TreeSet<>();
            s.faults().subList(0, 3).forEach(f -> first.add(f.fault().kind()));
            assertEquals(kinds, EnumSet.copyOf(first), "seed " + seed);
            long previousHeal = 0;
            for (NemesisSchedule.Step step : s.faults()) {
                assertTrue(step.atMillis() >= previousHeal && step.healAtMillis() <= 12_000, "seed " + seed + ": " + s);
                previousHeal = step.healAtMillis();
            }
        }
    }

    @Test
    void leaderTargetsResolveToTheLeaderAtApplicationTime() {
        assertEquals(new NemesisFault.Kill(2), new NemesisFault.KillLeader().resolve(2, NODES));
        assertEquals(new NemesisFault.Pause(3, 500), new NemesisFault.PauseLeader(500).resolve(3, NODES));
        assertEquals(new NemesisFault.Partition(List.of(List.of(2), List.of(1, 3))),
                new NemesisFault.IsolateLeader().resolve(2, NODES));
        assertEquals(new NemesisFault.Kill(1), new NemesisFault.KillLeader().resolve(0, NODES), "no leader known");
        assertEquals(new NemesisFault.Kill(3), new NemesisFault.Kill(3).resolve(1, NODES), "a named node stays");
        assertEquals(new NemesisFault.RemoveNode(2), new NemesisFault.RemoveLeader().resolve(2, NODES));
        assertEquals(NemesisKind.MEMBERSHIP, new NemesisFault.RemoveNode(2).kind());
    }

    @Test
    void diskFaultsAreHyphenatedFlagsHeldWindowsAndResolveTheLeader() {
        assertEquals(EnumSet.of(NemesisKind.DISK_FULL, NemesisKind.DISK_READONLY),
                NemesisKind.parseAll(List.of("disk-full", "disk-readonly")));
        NemesisFault atLeader = new NemesisFault.DiskFault(NemesisKind.DISK_READONLY, 0);
        assertEquals("read-only data directory on the leader", atLeader.label());
        assertEquals(new NemesisFault.DiskFault(NemesisKind.DISK_READONLY, 3), atLeader.resolve(3, NODES));
        assertEquals(new NemesisFault.DiskFault(NemesisKind.DISK_FULL, 2),
                new NemesisFault.DiskFault(NemesisKind.DISK_FULL, 2).resolve(1, NODES), "a named node stays");
        assertEquals(io.tumbler.fault.Effect.DISK_HELD, NemesisKind.DISK_FULL.effect());
        assertEquals(io.tumbler.fault.Effect.HEAL_DISK, NemesisKind.DISK_READONLY.healEffect());
        NemesisSchedule s = NemesisSchedule.draw(4, NODES, EnumSet.of(NemesisKind.DISK_FULL, NemesisKind.DISK_READONLY),
                12_000);
        assertTrue(s.faults().stream().allMatch(f -> f.fault() instanceof NemesisFault.DiskFault), s.toString());
    }

    @Test
    void noKindsNoFaults() {
        assertTrue(NemesisSchedule.draw(1, NODES, EnumSet.noneOf(NemesisKind.class), 60_000).faults().isEmpty());
    }

  @Test
  void networkFaultsRecordTheNodesTheyHitAndTheSimulatedFaultOfTheirShape() {
    NemesisFault isolated = new NemesisFault.IsolateLeader().resolve(2, List.of(1, 2, 3));
    assertEquals(List.of(2, 1, 3), isolated.nodesHit(), "the leader's side first, then the rest");
    assertEquals(new io.tumbler.fault.Fault.Partition(List.of(List.of(2), List.of(1, 3))),
        isolated.asSimulatedShape());
    NemesisFault cut = new NemesisFault.OneWay(3, 1);
    assertEquals(List.of(3, 1), cut.nodesHit());
    assertEquals(new io.tumbler.fault.Fault.OneWay(3, 1), cut.asSimulatedShape());
    assertEquals(List.of(2), new NemesisFault.Kill(2).nodesHit());
    assertEquals(List.of(), new NemesisFault.Delay(20).nodesHit());
    assertEquals(null, new NemesisFault.Delay(20).asSimulatedShape(), "every link still carries messages");
  }
}
