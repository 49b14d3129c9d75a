package io.tumbler.raft;

/**
 * The only randomness the core uses: the randomized election timeout (Raft §5.2). Injected so a
 * simulation is reproducible from its seed. Called from the core's thread only.
 */
public interface JitterSource {
    /** A value uniformly drawn from [0, bound); {@code bound > 0}. */
    int nextInt(int bound);

    /** A deterministic SplitMix64-based source for production and tests. */
    static JitterSource seeded(long seed) {
        return new SplitMix64Jitter(seed);
    }
}
