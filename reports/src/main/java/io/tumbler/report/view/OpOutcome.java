package io.tumbler.report.view;

import java.util.Locale;

/** How a client operation ended, as Jepsen names it; {@code PENDING} when the history ends before it does. */
public enum OpOutcome {
  /** It took effect and the client saw the result. */
  OK,
  /** It certainly did not take effect. */
  FAIL,
  /** Indeterminate: it may have taken effect, or not (a timeout, a lost connection). */
  INFO,
  /** No completion was recorded (the run ended, or was killed, first). */
  PENDING;

  /** The lower-case name used in CSS classes and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a history {@code type}; anything but ok/fail/info is indeterminate. */
  public static OpOutcome ofType(String type) {
    switch (type) {
      case "ok":
        return OK;
      case "fail":
        return FAIL;
      default:
        return INFO;
    }
  }
}
