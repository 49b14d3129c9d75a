package io.tumbler.sim.trace;

import io.tumbler.sim.random.SplitMix64;

/**
 * The rolling 64-bit run fingerprint. Starting from {@link #INITIAL}, every trace record folds in five values
 * in this order: type ordinal, time in true nanoseconds, process id (-1 for none), field a, field b; each value
 * {@code v} updates the state as {@code h = mix64(h ^ v) + GOLDEN_GAMMA} with {@link SplitMix64#mix64}.
 *
 * <p>mix64 is a bijection with full avalanche, and chaining it makes the result depend on the order of
 * records as well as on their content: two runs with the same fingerprint executed the same events in the
 * same order with overwhelming probability. The function is pure Java arithmetic on longs, so it gives the
 * same value on every JVM and platform; changing it changes every recorded fingerprint.
 */
public final class Fingerprint {
    /** The fingerprint of an empty trace. */
    public static final long INITIAL = 0x7475_6D62_6C65_7231L; // "tumbler1"

    private Fingerprint() {
    }

    /** Folds one value into the state {@code h}. */
    public static long fold(long h, long value) {
        return SplitMix64.mix64(h ^ value) + SplitMix64.GOLDEN_GAMMA;
    }

    /** Folds one whole record into the state {@code h}. */
    public static long fold(long h, TraceType type, long timeNanos, int process, long a, long b) {
        long state = fold(h, type.ordinal());
        state = fold(state, timeNanos);
        state = fold(state, process);
        state = fold(state, a);
        return fold(state, b);
    }

    /** The conventional 16-hex-digit rendering, e.g. {@code 0x00ff...}. */
    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}
