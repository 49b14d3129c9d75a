package io.tumbler.scenario.client;

import io.tumbler.sim.random.RandomStream;

/**
 * How often this run's clients retry a command they need not retry, so that session deduplication is
 * exercised on every kind of command, not only when a fault happens to make a client time out:
 * <ul>
 *   <li><b>echo</b>: after a command's definite answer, the client re-sends the very same request (same
 *       session, same sequence) after {@code 0..echoDelayMaxNanos}, to the node that answered or another;
 *       the reply is ignored (the first answer won). A correct cluster answers it from the session table
 *       or as superseded; a cluster that applies it again changes the state outside the operation's
 *       interval, which the checker sees.</li>
 *   <li><b>impatience</b>: a command's first attempt waits only {@code impatientTimeoutNanos} before the client retries the
 *       same request elsewhere, as after a timeout — so the first attempt's reply may still come, late,
 *       and race the retry's (the first to arrive completes the operation).</li>
 * </ul>
 * Drawn once per run from its own stream, so other draws are not shifted. {@link #NONE} changes nothing.
 */
public record ForcedRetries(double echoChance, long echoDelayMaxNanos, double impatientChance,
    long impatientTimeoutNanos) {
  public static final ForcedRetries NONE = new ForcedRetries(0, 1, 0, 1);

  public ForcedRetries {
    if (echoChance < 0 || echoChance > 1 || impatientChance < 0 || impatientChance > 1) {
      throw new IllegalArgumentException("chances must be in 0..1: echo " + echoChance + ", impatient " + impatientChance);
    }
    if (echoDelayMaxNanos < 1 || impatientTimeoutNanos < 1) {
      throw new IllegalArgumentException("delays must be positive");
    }
  }

  /** A run's draw: off in about a fifth of runs, else each mechanism on at a rate up to one command in two. */
  public static ForcedRetries drawn(RandomStream random) {
    if (random.chance(0.2)) {
      return NONE;
    }
    double echo = random.chance(0.15) ? 0 : 0.05 + 0.45 * random.nextDouble();
    long echoDelayMax = random.uniform(1_000_000L, 200_000_000L);
    double impatient = random.chance(0.15) ? 0 : 0.05 + 0.45 * random.nextDouble();
    long impatientTimeout = random.uniform(1_000_000L, 30_000_000L);
    return new ForcedRetries(echo, echoDelayMax, impatient, impatientTimeout);
  }
}
