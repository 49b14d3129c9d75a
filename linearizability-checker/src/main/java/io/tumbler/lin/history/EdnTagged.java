package io.tumbler.lin.history;

/**
 * An EDN tagged element such as {@code #inst "2015-01-01T00:00:00.000-00:00"} or {@code #uuid "..."}:
 * the tag and the form that follows it, uninterpreted, so that it prints back as it was read.
 *
 * @param tag   the tag symbol without {@code #}
 * @param value the tagged form (a value of this package's universe; a string for inst and uuid)
 */
public record EdnTagged(String tag, Object value) {
  @Override
  public String toString() {
    return "#" + tag + " " + value;
  }
}
