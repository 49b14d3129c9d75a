package io.tumbler.realcluster;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.random.RandomStreams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The faults of one real-cluster run, drawn from the seed before the run starts: one fault at a time, each held
 * for a while and healed, with a quiet gap before the next, all within the fault window. Kinds are taken in a
 * seeded shuffled order and reshuffled after each round, so every enabled kind appears once before any repeats.
 * Half the kills, pauses, partitions, removals and disk faults target whichever node leads when the fault is applied. The same seed
 * and options draw the same schedule; how the cluster reacts to it is up to the real world.
 *
 * @param faults the faults in time order, none overlapping
 */
record NemesisSchedule(List<Step> faults) {
    /** The first fault starts this long after the workload, once the first leader has had a moment to settle. */
    static final long FIRST_FAULT_MILLIS = 1_000;

    NemesisSchedule {
        faults = List.copyOf(faults);
    }

    /** One fault: applied at {@code atMillis} after the workload started, healed {@code forMillis} later. */
    record Step(long atMillis, long forMillis, NemesisFault fault) {
        long healAtMillis() {
            return atMillis + forMillis;
        }
    }

    /**
     * Draws faults of {@code kinds} against {@code nodes} in {@code [FIRST_FAULT_MILLIS, windowMillis)}, from the
     * seed's {@code nemesis} stream.
     */
    static NemesisSchedule draw(long seed, List<Integer> nodes, EnumSet<NemesisKind> kinds, long windowMillis) {
        RandomStream random = RandomStreams.root(seed).stream("nemesis");
        List<Step> steps = new ArrayList<>();
        List<NemesisKind> round = new ArrayList<>();
        long t = FIRST_FAULT_MILLIS;
        while (!kinds.isEmpty() && t + 1_000 <= windowMillis) {
            if (round.isEmpty()) {
                round.addAll(kinds);
                random.shuffle(round);
            }
            NemesisKind kind = round.remove(0);
            long hold = Math.min(random.uniform(1_500, 3_000), windowMillis - t);
            steps.add(new Step(t, hold, fault(kind, hold, nodes, random)));
            t += hold + random.uniform(700, 1_500);
        }
        return new NemesisSchedule(steps);
    }

    private static NemesisFault fault(NemesisKind kind, long holdMillis, List<Integer> nodes, RandomStream random) {
        boolean atLeader = random.chance(0.5); // Jepsen's favourite target: faults at followers rarely bite
        return switch (kind) {
            case KILL -> atLeader ? new NemesisFault.KillLeader() : new NemesisFault.Kill(random.pick(nodes));
            case PAUSE -> atLeader ? new NemesisFault.PauseLeader(holdMillis)
                    : new NemesisFault.Pause(random.pick(nodes), holdMillis);
            case PARTITION -> atLeader ? new NemesisFault.IsolateLeader()
                    : new NemesisFault.Partition(split(nodes, random));
            case ONEWAY -> {
                List<Integer> pair = new ArrayList<>(nodes);
                random.shuffle(pair);
                yield new NemesisFault.OneWay(pair.get(0), pair.get(1));
            }
            case DELAY -> new NemesisFault.Delay(random.uniform(50, 300));
            case LOSS -> new NemesisFault.Loss(random.uniform(5, 30) / 100.0);
            case MEMBERSHIP -> atLeader ? new NemesisFault.RemoveLeader() : new NemesisFault.RemoveNode(random.pick(nodes));
            case DISK_FULL, DISK_READONLY -> new NemesisFault.DiskFault(kind, atLeader ? 0 : random.pick(nodes));
        };
    }

    /** Halves (a minority and a majority) or one node isolated, with equal chance. */
    private static List<List<Integer>> split(List<Integer> nodes, RandomStream random) {
        List<Integer> shuffled = new ArrayList<>(nodes);
        random.shuffle(shuffled);
        int minority = random.chance(0.5) ? 1 : nodes.size() / 2;
        List<Integer> small = new ArrayList<>(shuffled.subList(0, minority));
        List<Integer> large = new ArrayList<>(shuffled.subList(minority, shuffled.size()));
        small.sort(null);
        large.sort(null);
        return List.of(small, large);
    }

    /** When the last fault is healed (0 when there is none). */
    long lastHealMillis() {
        return faults.isEmpty() ? 0 : faults.get(faults.size() - 1).healAtMillis();
    }
}
