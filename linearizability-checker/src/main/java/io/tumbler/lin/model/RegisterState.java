package io.tumbler.lin.model;

import io.tumbler.lin.history.Keyword;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a single register. {@code value} null means nil: Knossos's {@code (cas-register nil)}, or
 * the etcd key being absent.
 *
 * @param value the register's value, normalized
 */
public record RegisterState(Object value) {
  /** The register as Knossos shows it: {@code {:value v}}. */
  public Map<Object, Object> asData() {
    Map<Object, Object> data = new LinkedHashMap<>();
    data.put(Keyword.of("value"), value);
    return data;
  }

  /*
   * equals and hashCode are written out, not generated: a record's generated ones bootstrap through
   * invokedynamic (java.lang.runtime.ObjectMethods), which spins about twenty method-handle classes on
   * first use, and the search hashes a state on its first step: that cost a first check in a fresh JVM
   * about 20 ms of CPU. Same meaning (the component's equality) and the same hash.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof RegisterState that && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return "register " + (value == null ? "nil" : value);
  }
}
