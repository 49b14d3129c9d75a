package io.tumbler.sim.net;

import io.tumbler.sim.random.DelayDistribution;

/**
 * How one directed link behaves. Each message sent over it is lost with {@code lossRate}; otherwise it is
 * delivered after a delay drawn from {@code latency}, plus, with probability {@code reorderRate}, an extra
 * uniform delay in {@code [0, reorderDelayNanosMax]} that lets later messages overtake it; with
 * {@code duplicationRate} a second, independently delayed copy is delivered too.
 *
 * @param latency              base one-way delay
 * @param lossRate             probability in [0, 1] that a message is dropped when sent
 * @param duplicationRate      probability in [0, 1] that a delivered message is delivered twice
 * @param reorderRate          probability in [0, 1] that a message gets the extra reordering delay
 * @param reorderDelayNanosMax upper bound of that extra delay
 */
public record LinkProfile(DelayDistribution latency, double lossRate, double duplicationRate, double reorderRate,
                          long reorderDelayNanosMax) {
    /** Validates the rates. */
    public LinkProfile {
        if (latency == null) {
            throw new IllegalArgumentException("latency must not be null");
        }
        checkRate("lossRate", lossRate);
        checkRate("duplicationRate", duplicationRate);
        checkRate("reorderRate", reorderRate);
        if (reorderDelayNanosMax < 0) {
            throw new IllegalArgumentException("reorderDelayNanosMax must be >= 0: " + reorderDelayNanosMax);
        }
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + rate);
        }
    }

    /** A lossless, duplicate-free, in-order (for fixed latency) link. */
    public static LinkProfile reliable(DelayDistribution latency) {
        return new LinkProfile(latency, 0, 0, 0, 0);
    }

    /** A copy with another latency distribution. */
    public LinkProfile withLatency(DelayDistribution newLatency) {
        return new LinkProfile(newLatency, lossRate, duplicationRate, reorderRate, reorderDelayNanosMax);
    }

    /** A copy with another loss rate. */
    public LinkProfile withLossRate(double rate) {
        return new LinkProfile(latency, rate, duplicationRate, reorderRate, reorderDelayNanosMax);
    }

    /** A copy with another duplication rate. */
    public LinkProfile withDuplicationRate(double rate) {
        return new LinkProfile(latency, lossRate, rate, reorderRate, reorderDelayNanosMax);
    }

    /** A copy with another reordering rate and extra-delay bound. */
    public LinkProfile withReordering(double rate, long delayNanosMax) {
        return new LinkProfile(latency, lossRate, duplicationRate, rate, delayNanosMax);
    }
}
