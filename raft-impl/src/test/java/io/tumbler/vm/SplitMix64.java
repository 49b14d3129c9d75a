package io.tumbler.vm;

import java.util.List;

/** A tiny seeded generator (Steele, Lea and Flood's SplitMix64) so randomized tests replay from a seed. */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform enough in {@code [0, bound)} for tests (the modulo bias is below 2^-32). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in {@code [low, high]}. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    boolean percent(int chance) {
        return nextInt(100) < chance;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
