package io.tumbler.lin.model;

import io.tumbler.lin.history.ImmutableValues;

/**
 * Options shared by the model catalog.
 *
 * @param initialValue     the initial register value for {@code register} and {@code cas-register}, and
 *                         the value of every key of {@code multi-register} before its first write
 * @param initialValueSet  whether {@link #initialValue} was chosen; when false each model uses the
 *                         initial value the Knossos tests use (0; see the corpus MANIFEST)
 */
public record ModelOptions(Object initialValue, boolean initialValueSet) {
  public ModelOptions {
    initialValue = ImmutableValues.normalize(initialValue);
  }

  /** The defaults: every model starts as the Knossos tests start it. */
  public static ModelOptions defaults() {
    return new ModelOptions(null, false);
  }

  /** Options with the given initial value ({@code null} for nil: Knossos's {@code (cas-register nil)}). */
  public static ModelOptions withInitialValue(Object initialValue) {
    return new ModelOptions(initialValue, true);
  }

  /** The chosen initial value, or {@code fallback} when none was chosen. */
  public Object initialValueOr(Object fallback) {
    return initialValueSet ? initialValue : fallback;
  }
}
