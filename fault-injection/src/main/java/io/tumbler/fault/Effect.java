package io.tumbler.fault;

import java.util.Locale;

/**
 * What a fault does to the world, and so what ends it: written beside every applied fault (the run's
 * {@code appliedFaults}), so that a report shades each fault's window from data instead of reading its description.
 * A heal names what it ends; a fault of a kind no heal ends ({@link #DISK}, {@link #OPERATOR}) is a moment.
 */
public enum Effect {
  /** Partitions, one-way blocks, loss, duplication, delay, held links: ended by {@link #HEAL_NETWORK}. */
  NETWORK,
  /** Every message to and from one node held: ended by {@link #UNCLOG} of that node or {@link #HEAL_NETWORK}. */
  CLOG,
  /** A crashed process: ended by {@link #RESTART} of that node. */
  PROCESS,
  /** A stop-the-world pause: ends by itself after the applied fault's duration, or at {@link #RESUME} without one. */
  PAUSE,
  /** A clock's offset, drift or jump: lasts until {@link #HEAL_ALL}. */
  CLOCK,
  /** A one-off disk fault (bit flip, failed sync, wipe): a moment. */
  DISK,
  /** A disk held faulty (full, read-only) on one node, as real-cluster mode does: ended by {@link #HEAL_DISK}. */
  DISK_HELD,
  /** An operator's action (membership change, handshake, leadership transfer): a moment. */
  OPERATOR,
  /** An event-triggered fault armed: ended by {@link #DISARM}. */
  TRIGGER,
  /** Ends every {@link #NETWORK} and {@link #CLOG} window. */
  HEAL_NETWORK,
  /** Ends the {@link #PROCESS} window of its node. */
  RESTART,
  /** Ends the {@link #PAUSE} window of its node (a pause that lasts until resumed, as in real-cluster mode). */
  RESUME,
  /** Ends the {@link #CLOG} window of its node. */
  UNCLOG,
  /** Ends the {@link #DISK_HELD} window of its node. */
  HEAL_DISK,
  /** Disarms {@link #TRIGGER}s. */
  DISARM,
  /** Ends everything. */
  HEAL_ALL;

  /** The lower-case, hyphenated name written to JSON ({@code heal-network}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
