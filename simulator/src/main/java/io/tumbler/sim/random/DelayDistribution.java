package io.tumbler.sim.random;

/**
 * A distribution of non-negative delays in nanoseconds (network latency, fsync latency), sampled from a
 * caller-supplied stream so the draw is charged to the right component.
 */
public sealed interface DelayDistribution
        permits DelayDistribution.Fixed, DelayDistribution.Uniform, DelayDistribution.ExponentialWithMin {

    /** One delay, drawn from {@code random}; always {@code >= 0}. */
    long sampleNanos(RandomStream random);

    /** Always {@code delayNanos}; draws nothing. */
    record Fixed(long delayNanos) implements DelayDistribution {
        /** Validates the delay. */
        public Fixed {
            if (delayNanos < 0) {
                throw new IllegalArgumentException("delayNanos must be >= 0: " + delayNanos);
            }
        }

        @Override
        public long sampleNanos(RandomStream random) {
            return delayNanos;
        }
    }

    /** Uniform in {@code [minNanos, maxNanos]}. */
    record Uniform(long minNanos, long maxNanos) implements DelayDistribution {
        /** Validates the range. */
        public Uniform {
            if (minNanos < 0 || maxNanos < minNanos) {
                throw new IllegalArgumentException("need 0 <= minNanos <= maxNanos: " + minNanos + ", " + maxNanos);
            }
        }

        @Override
        public long sampleNanos(RandomStream random) {
            return random.uniform(minNanos, maxNanos);
        }
    }

    /**
     * {@code minNanos} plus an exponential tail of mean {@code meanExtraNanos}, capped at {@code maxNanos}: the
     * usual shape of a LAN round trip (a floor, mostly close to it, occasionally much slower).
     */
    record ExponentialWithMin(long minNanos, long meanExtraNanos, long maxNanos) implements DelayDistribution {
        /** Validates the parameters. */
        public ExponentialWithMin {
            if (minNanos < 0 || meanExtraNanos < 0 || maxNanos < minNanos) {
                throw new IllegalArgumentException("need 0 <= minNanos <= maxNanos and meanExtraNanos >= 0: "
                        + minNanos + ", " + meanExtraNanos + ", " + maxNanos);
            }
        }

        @Override
        public long sampleNanos(RandomStream random) {
            double delay = minNanos + random.exponential(meanExtraNanos);
            return delay >= maxNanos ? maxNanos : (long) delay;
        }
    }

    /** Shortcut for {@link Fixed}. */
    static DelayDistribution fixed(long delayNanos) {
        return new Fixed(delayNanos);
    }

    /** Shortcut for {@link Uniform}. */
    static DelayDistribution uniform(long minNanos, long maxNanos) {
        return new Uniform(minNanos, maxNanos);
    }

    /** Shortcut for {@link ExponentialWithMin} capped at {@code min + 50 * mean}. */
    static DelayDistribution exponentialWithMin(long minNanos, long meanExtraNanos) {
        return new ExponentialWithMin(minNanos, meanExtraNanos, minNanos + 50 * meanExtraNanos);
    }
}
