package io.tumbler.sim.disk;

import io.tumbler.sim.random.DelayDistribution;

/**
 * How a simulated disk performs. Writes and reads are instantaneous; only syncs take time.
 *
 * @param syncLatency time from {@code sync} to its completion, drawn from the disk's stream
 */
public record DiskProfile(DelayDistribution syncLatency) {
    /** Validates the profile. */
    public DiskProfile {
        if (syncLatency == null) {
            throw new IllegalArgumentException("syncLatency must not be null");
        }
    }

    /** An SSD-like profile: at least 50 us per sync, exponential tail with mean 150 us extra. */
    public static DiskProfile ssd() {
        return new DiskProfile(DelayDistribution.exponentialWithMin(50_000, 150_000));
    }
}
