package io.tumbler.lin.io.jsonl;

/**
 * The first line of a history.jsonl file: {@code {"tumbler-history": 1, "model": "cas-register", "init":
 * 0, "indexes": "explicit"}}. Only the version is required.
 *
 * @param model           the model to check the history with, or null (the CLI then needs --model)
 * @param initialValue    the model's initial value (see {@code ModelOptions}), when {@code initialValueSet}
 * @param initialValueSet whether the header names an initial value ({@code "init"}, which may be null)
 * @param explicitIndexes {@code "indexes": "explicit"} (the default: the source had indexes) or
 *                        {@code "positions"} (indexes are positions; EDN writes them back without :index)
 */
public record JsonlHeader(String model, Object initialValue, boolean initialValueSet, boolean explicitIndexes) {
  /** The schema version this code reads and writes. */
  public static final int VERSION = 1;
  /** The header's version key, which also marks the line as a header. */
  public static final String VERSION_KEY = "tumbler-history";

  /** A header naming only the model (may be null), with explicit indexes. */
  public static JsonlHeader forModel(String model) {
    return new JsonlHeader(model, null, false, true);
  }
}
