package io.tumbler.lin.model.paths;

/**
 * What one present path holds in the {@code paths} model: its value and its per-key version (etcd's
 * {@code version}: the writes since the path was last created, from 1). An absent path has no
 * {@code StoredValue} (null in the state) and counts as version 0, so a delete followed by a put starts
 * over at version 1. The store-wide mod revision is deliberately not here: it would couple every path to
 * every other and end the per-path check (see {@link PathsModel}).
 *
 * @param value   the value, compared with JSON equality
 * @param version writes since creation, at least 1
 */
public record StoredValue(Object value, long version) {
  public StoredValue {
    if (version < 1) {
      throw new IllegalArgumentException("a present path has version >= 1, got " + version);
    }
  }

  /** The value of {@code stored}, null when the path is absent. */
  static Object valueOf(StoredValue stored) {
    return stored == null ? null : stored.value();
  }

  /** The version of {@code stored}, 0 when the path is absent. */
  static long versionOf(StoredValue stored) {
    return stored == null ? 0 : stored.version();
  }

  @Override
  public String toString() {
    return value + " (version " + version + ")";
  }
}
