package io.tumbler.lin.model;

import io.tumbler.lin.history.Keyword;
import java.util.LinkedHashMap;
import java.util.Map;

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

  @Override
  public String toString() {
    return "register " + (value == null ? "nil" : value);
  }
}
