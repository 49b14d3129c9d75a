package io.tumbler.lin;

/**
 * The tri-state answer of a linearizability check. Composed verdicts rank {@code INVALID} over {@code
 * UNKNOWN} over {@code VALID} (Jepsen's rule): one violation makes the whole invalid; anything not
 * decided makes an otherwise clean result unknown. Never a pass by default.
 */
public enum Verdict {
  /** Some linearization explains every call. */
  VALID,
  /** No linearization exists; a counterexample says where. */
  INVALID,
  /** Not decided: a budget ran out or the model failed. */
  UNKNOWN;

  /** The verdict of a whole made of parts with verdicts {@code this} and {@code other}. */
  public Verdict and(Verdict other) {
    if (this == INVALID || other == INVALID) {
      return INVALID;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
  }
}
