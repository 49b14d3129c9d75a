package io.tumbler.scenario.cluster;

import io.tumbler.sim.random.RandomStream;
import java.util.function.LongSupplier;

/**
 * A node's source of handshake nonces: its own named stream {@code join-nonce-<incarnation>}, opened on the first
 * draw, so runs without a handshake open no stream and every other stream keeps its draws (and fingerprints).
 */
final class JoinNonces implements LongSupplier {
  private final RandomStream nodeRandom;
  private final long incarnation;
  private RandomStream stream;

  JoinNonces(RandomStream nodeRandom, long incarnation) {
    this.nodeRandom = nodeRandom;
    this.incarnation = incarnation;
  }

  @Override
  public long getAsLong() {
    if (stream == null) {
      stream = nodeRandom.stream("join-nonce-" + incarnation);
    }
    return stream.nextLong();
  }
}
