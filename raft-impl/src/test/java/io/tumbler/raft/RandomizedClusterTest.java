package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The same chaos with random single-server membership changes interleaved, over a pool of seven nodes. */
    @Test
    void safetyAndConvergenceWithMembershipChanges() {
        long seeds = Long.getLong("tumbler.raft.chaos.seeds", 100);
        long changes = 0;
        for (long seed = 0; seed < seeds; seed++) {
            ChaosRun run = new ChaosRun(seed, true);
            try {
                run.run(STEPS);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("membership chaos run failed (seed " + seed + ", " + run.describe() + "): " + e, e);
            }
            changes += run.configChanges();
        }
        assertTrue(changes > seeds * 5, "few configuration changes were accepted: " + changes);
    }

    @Test
    void aSeedDeterminesTheWholeRun() {
        assertEquals(new ChaosRun(11).run(STEPS), new ChaosRun(11).run(STEPS));
    }
}
