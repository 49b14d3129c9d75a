package io.tumbler.raft;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed generator that is fully determined by
 * its seed. Production seeds it from anything node-specific; simulation from the run seed.
 */
final class SplitMix64Jitter implements JitterSource {
    private long state;

    SplitMix64Jitter(long seed) {
        this.state = seed;
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Long.remainderUnsigned(z, bound);
    }
}
