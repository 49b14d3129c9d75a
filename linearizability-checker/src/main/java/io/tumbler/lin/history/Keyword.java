package io.tumbler.lin.history;

import java.util.Objects;

/**
 * An EDN keyword inside an operation's value or extra fields ({@code :timed-out}, the {@code :x} of
 * {@code [:read :x 1]}). Kept distinct from strings so that EDN round-trips losslessly: in history.jsonl
 * a keyword is written as a string with a leading colon (see the module README, "Values").
 *
 * @param name the keyword without its colon, namespace included ({@code "ns/name"})
 */
public record Keyword(String name) implements Comparable<Keyword> {
  public Keyword {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a keyword needs a name");
    }
  }

  /** Shorthand for {@code new Keyword(name)}. */
  public static Keyword of(String name) {
    return new Keyword(name);
  }

  @Override
  public int compareTo(Keyword other) {
    return name.compareTo(other.name);
  }

  /** Written out, not generated: see {@code RegisterState} (a generated one costs a fresh JVM ~20 ms once). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Keyword that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return ":" + name;
  }
}
