package io.tumbler.sut.microraft;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * MicroRaft's clock: the node's own simulated local clock (skewed, drifting and jumping under clock faults, as a
 * wall clock does), sped up by {@link SimExecutor#TIME_DILATION}. MicroRaft reads it for heartbeat timestamps and
 * leader leases; it never reads the system clock once this is injected.
 */
final class DilatedClock extends Clock {
  private final LongSupplier localNanos;

  DilatedClock(LongSupplier localNanos) {
    this.localNanos = localNanos;
  }

  @Override
  public long millis() {
    return Math.floorDiv(localNanos.getAsLong() * SimExecutor.TIME_DILATION, 1_000_000L);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // MicroRaft reads millis only
  }
}
