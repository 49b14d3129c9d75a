package io.tumbler.raft.node;

/** SplitMix64 (Steele, Lea, Flood 2014): the seeded generator of the randomized driver tests. */
final class SplitMix {
    private long state;

    SplitMix(long seed) {
        state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
