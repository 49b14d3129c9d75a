package io.tumbler.scenario.cluster;

import io.tumbler.sim.random.RandomStream;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A node's source of handshake nonces: its own named stream {@code join-nonce-<incarnation>}, opened on the first
 * draw, so runs without a handshake open no stream and every other stream keeps its draws (and fingerprints).
 */
final class JoinNonces implements LongSupplier {
  private final Function<String, RandomStream> streams;
  private final long incarnation;
  private RandomStream stream;

  JoinNonces(Function<String, RandomStream> streams, long incarnation) {
    this.streams = streams;
    this.incarnation = incarnation;
  }

  @Override
  public long getAsLong() {
    if (stream == null) {
      stream = streams.apply("join-nonce-" + incarnation);
    }
    return stream.nextLong();
  }
}
