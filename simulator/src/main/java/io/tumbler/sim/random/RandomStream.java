package io.tumbler.sim.random;

import java.util.List;
import java.util.TreeMap;

/**
 * One named, independent stream of random draws (xoshiro256**), with the helpers a simulation needs.
 *
 * <p><b>Splitting.</b> {@link #stream(String)} returns the child stream of that name, creating it on first
 * use and returning the same instance afterwards. The child's seed depends only on this stream's seed and
 * the name: {@code childSeed = mix64(seed ^ mix64(fnv1a64(utf8(name)) + GOLDEN_GAMMA))} (see
 * {@link SplitMix64#mix64}, {@link NameHash}). It does not depend on how many values this stream or any
 * other has drawn, so adding a draw in one component never shifts another component's stream.
 *
 * <p>Not thread-safe: a simulation is single-threaded.
 */
public final class RandomStream {
    private final String path;
    private final long seed;
    private final Xoshiro256StarStar generator;
    private TreeMap<String, RandomStream> children;

    RandomStream(String path, long seed) {
        this.path = path;
        this.seed = seed;
        this.generator = new Xoshiro256StarStar(seed);
    }

    /** The child seed for {@code name} under {@code parentSeed}; the stable-splitting function above. */
    public static long childSeed(long parentSeed, String name) {
        return SplitMix64.mix64(parentSeed ^ SplitMix64.mix64(NameHash.of(name) + SplitMix64.GOLDEN_GAMMA));
    }

    /** The child stream called {@code name} (same instance on every call). */
    public RandomStream stream(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("stream names must not be empty (under '" + path + "')");
        }
        if (children == null) {
            children = new TreeMap<>();
        }
        return children.computeIfAbsent(name, n -> new RandomStream(childPath(n), childSeed(seed, n)));
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "/" + name;
    }

    /** Slash-separated names from the root, e.g. {@code "disk/n3"}; empty for the root. */
    public String path() {
        return path;
    }

    /** The seed this stream was created from. */
    public long seed() {
        return seed;
    }

    /** 64 uniformly distributed bits. */
    public long nextLong() {
        return generator.nextLong();
    }

    /** Uniform in {@code [0, bound)}, without modulo bias (rejection sampling over 63 bits). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long mask = bound - 1;
        long r = generator.nextLong() >>> 1;
        if ((bound & mask) == 0) {
            return r & mask;
        }
        // Reject the top partial block of [0, 2^63): u - r + mask overflows exactly when u lies in it.
        for (long u = r; u - (r = u % bound) + mask < 0; u = generator.nextLong() >>> 1) {
            // draw again
        }
        return r;
    }

    /** Uniform in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (generator.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}; draws nothing when {@code p <= 0} or {@code p >= 1}. */
    public boolean chance(double p) {
        if (p <= 0) {
            return false;
        }
        if (p >= 1) {
            return true;
        }
        return nextDouble() < p;
    }

    /** Uniform in {@code [minInclusive, maxInclusive]}. */
    public long uniform(long minInclusive, long maxInclusive) {
        if (maxInclusive < minInclusive || maxInclusive - minInclusive == Long.MAX_VALUE) {
            throw new IllegalArgumentException("bad range [" + minInclusive + ", " + maxInclusive + "]");
        }
        return minInclusive + nextLong(maxInclusive - minInclusive + 1);
    }

    /**
     * Exponentially distributed with the given mean, by inversion. Uses {@link StrictMath#log} because
     * {@code Math.log} may differ in the last bit between JVMs and JIT tiers, which would break replay.
     */
    public double exponential(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and >= 0: " + mean);
        }
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Fisher-Yates shuffle in place. */
    public <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            items.set(i, items.set(j, items.get(i)));
        }
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] items) {
        for (int i = items.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = items[i];
            items[i] = items[j];
            items[j] = swap;
        }
    }

    /** A uniformly chosen element of a non-empty list. */
    public <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("cannot pick from an empty list (stream '" + path + "')");
        }
        return items.get(nextInt(items.size()));
    }

    /** A uniformly chosen element of a non-empty array. */
    public int pick(int[] items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("cannot pick from an empty array (stream '" + path + "')");
        }
        return items[nextInt(items.length)];
    }

    @Override
    public String toString() {
        return "RandomStream[" + (path.isEmpty() ? "<root>" : path) + ", seed=" + seed + "]";
    }
}
