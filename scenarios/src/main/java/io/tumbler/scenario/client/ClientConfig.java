package io.tumbler.scenario.client;

/**
 * Timing of a simulated client, in its own local clock: how long one attempt waits for a reply, how
 * long an operation may take in all before the client gives up on it, and the pause between operations.
 */
public record ClientConfig(
    long attemptTimeoutNanos, long operationDeadlineNanos, long thinkNanosMax, long retryBackoffNanos) {

  public static ClientConfig defaults() {
    return new ClientConfig(150_000_000L, 1_000_000_000L, 20_000_000L, 10_000_000L);
  }
}
