package io.tumbler.sim.random;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014), the
 * generator behind {@code java.util.SplittableRandom}: a Weyl sequence with step {@link #GOLDEN_GAMMA} passed
 * through the {@link #mix64} finalizer (Stafford's "variant 13").
 *
 * <p>Tumbler uses it to expand one 64-bit seed into the 256-bit state of {@link Xoshiro256StarStar} (as
 * Vigna recommends) and, through {@link #mix64}, as the bit mixer for seed derivation and fingerprints.
 * Not thread-safe; the simulator is single-threaded.
 */
public final class SplitMix64 {
    /** The odd constant 2^64 / golden ratio, the Weyl step. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose first output is {@code mix64(seed + GOLDEN_GAMMA)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /**
     * Stafford's variant-13 64-bit finalizer: a bijection on longs with full avalanche. {@code mix64(0) == 0},
     * so callers that chain it add a constant first.
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
