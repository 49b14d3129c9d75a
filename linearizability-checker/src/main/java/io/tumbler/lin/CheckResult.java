package io.tumbler.lin;

import io.tumbler.lin.counterexample.Counterexample;
import java.util.List;

/**
 * The outcome of checking a history against a model: {@link Valid}, {@link Invalid} with
 * counterexamples, or {@link Unknown} with a cause. Values; safe to share.
 */
public sealed interface CheckResult permits CheckResult.Valid, CheckResult.Invalid, CheckResult.Unknown {

  /** The verdict. */
  Verdict verdict();

  /** What the check explored. */
  CheckStats stats();

  /** Every sub-history is linearizable. */
  record Valid(CheckStats stats) implements CheckResult {
    @Override
    public Verdict verdict() {
      return Verdict.VALID;
    }
  }

  /**
   * At least one sub-history is not linearizable.
   *
   * @param counterexamples one per invalid sub-history, the one whose failing call completed first
   *                        in the history first
   * @param stats           what the check explored
   */
  record Invalid(List<Counterexample> counterexamples, CheckStats stats) implements CheckResult {
    public Invalid {
      counterexamples = List.copyOf(counterexamples);
      if (counterexamples.isEmpty()) {
        throw new IllegalArgumentException("an invalid result has a counterexample");
      }
    }

    @Override
    public Verdict verdict() {
      return Verdict.INVALID;
    }

    /** The first counterexample: the violation that happened earliest. */
    public Counterexample counterexample() {
      return counterexamples.get(0);
    }
  }

  /**
   * Not decided, and no sub-history was found invalid.
   *
   * @param cause  why (the first undecided sub-history's cause)
   * @param detail a human explanation (the model's error), or ""
   * @param stats  what the check explored before stopping
   */
  record Unknown(UnknownCause cause, String detail, CheckStats stats) implements CheckResult {
    @Override
    public Verdict verdict() {
      return Verdict.UNKNOWN;
    }
  }
}
