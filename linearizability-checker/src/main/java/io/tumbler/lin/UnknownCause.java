package io.tumbler.lin;

/** Why a check ended {@link Verdict#UNKNOWN}. */
public enum UnknownCause {
  /** The time limit passed (or the check was cancelled). */
  TIME_LIMIT,
  /** The bound on cached configurations was reached. */
  CONFIGURATION_LIMIT,
  /** The configuration caches would have exceeded their heap budget. */
  MEMORY_LIMIT,
  /** The model threw: an operation it does not know, or a value of the wrong shape. */
  MODEL_ERROR,
  /** The checker itself failed (a bug); the detail has the exception. A crashed check is never a pass. */
  CHECKER_ERROR,
  /**
   * Nothing was checked: the history has no client call (no events at all, or only nemesis events). An
   * empty check is never a pass, even where Knossos calls it vacuously linearizable.
   */
  NOTHING_CHECKED
}
