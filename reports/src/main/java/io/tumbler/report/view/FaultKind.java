package io.tumbler.report.view;

import java.util.Locale;

/** What part of the world a fault disturbs; decides which heal closes its window and its colour. */
public enum FaultKind {
  /** Partitions, one-way blocks, loss, duplication, delay, clogging: closed by "heal network". */
  NETWORK,
  /** A crashed or killed process: closed by its restart. */
  PROCESS,
  /** A paused process: closed when its pause ends. */
  PAUSE,
  /** Clock offset, drift or jump: lasts until "heal all". */
  CLOCK,
  /** A one-off disk fault (bit flip, failed sync, wipe): a moment, not a window. */
  DISK,
  /** An operator's action (a membership change, a handshake, a leadership transfer) or a trigger armed: a moment. */
  OPERATOR;

  /** The lower-case name used in CSS classes and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
