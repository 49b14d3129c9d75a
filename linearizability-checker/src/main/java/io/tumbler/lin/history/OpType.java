package io.tumbler.lin.history;

/**
 * The four Jepsen event types. An {@link #INVOKE} opens a call on a process; {@link #OK}, {@link #FAIL}
 * and {@link #INFO} close it. {@code info} means the outcome is unknown: the operation may take effect
 * at any point after its invocation, or never.
 */
public enum OpType {
  INVOKE("invoke"),
  OK("ok"),
  FAIL("fail"),
  INFO("info");

  private final String jepsenName;

  OpType(String jepsenName) {
    this.jepsenName = jepsenName;
  }

  /** The name Jepsen uses ({@code :invoke} in EDN, {@code "invoke"} in history.jsonl). */
  public String jepsenName() {
    return jepsenName;
  }

  /** Whether this event closes a call. */
  public boolean isCompletion() {
    return this != INVOKE;
  }

  /** The type named {@code name}, or null when the name is none of the four. */
  public static OpType fromJepsenName(String name) {
    for (OpType type : values()) {
      if (type.jepsenName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
