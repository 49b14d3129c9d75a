package io.tumbler.sim.random;

/**
 * The root of a simulation's randomness: one seed, split by name into independent streams
 * ({@code streams.stream("network")}, {@code streams.stream("disk").stream("n3")}).
 *
 * <p>Conventional stream names used by the simulator itself: {@code network}, {@code disk/<process>},
 * {@code process/<process>}. Harness code should pick its own names ({@code workload}, {@code nemesis}).
 */
public final class RandomStreams {
    private final long seed;
    private final RandomStream root;

    private RandomStreams(long seed) {
        this.seed = seed;
        this.root = new RandomStream("", seed);
    }

    /** The streams for a run with root seed {@code seed}. */
    public static RandomStreams root(long seed) {
        return new RandomStreams(seed);
    }

    /** The run's root seed. */
    public long seed() {
        return seed;
    }

    /** The top-level stream called {@code name}; the same instance on every call. */
    public RandomStream stream(String name) {
        return root.stream(name);
    }
}
