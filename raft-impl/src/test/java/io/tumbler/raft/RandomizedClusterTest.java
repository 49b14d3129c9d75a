package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Seeded randomized runs of whole clusters ({@link ChaosRun}). A failure names the seed; rerun it
 * alone with {@code -Dtumbler.raft.chaos.seed=N}.
 */
class RandomizedClusterTest {
    private static final int STEPS = 3_000;

    @Test
    void safetyAndConvergenceUnderRandomFaults() {
        String only = System.getProperty("tumbler.raft.chaos.seed");
        long first = only == null ? 0 : Long.parseLong(only);
        long last = only == null ? Long.getLong("tumbler.raft.chaos.seeds", 100) - 1 : first;
        for (long seed = first; seed <= last; seed++) {
            ChaosRun run = new ChaosRun(seed);
            try {
                run.run(STEPS);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("chaos run failed; reproduce with -Dtumbler.raft.chaos.seed=" + seed + " ("
                        + run.describe() + "): " + e, e);
            }
        }
    }

    @Test
    void aSeedDeterminesTheWholeRun() {
        assertEquals(new ChaosRun(11).run(STEPS), new ChaosRun(11).run(STEPS));
    }
}
