package io.tumbler.fault;

/** A fault that fires {@code atMillis} of simulated time after the run starts. */
public record TimedFault(long atMillis, Fault fault) {
  public TimedFault {
    if (atMillis < 0) {
      throw new IllegalArgumentException("a fault cannot fire before the run starts: " + atMillis);
    }
  }
}
