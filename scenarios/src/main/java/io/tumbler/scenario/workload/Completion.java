package io.tumbler.scenario.workload;

/**
 * How a definite reply completes an operation in the history: {@code ok} with the value the client
 * learned, or {@code fail} with an {@code error} the model understands (e.g. {@code "mismatch"} for a
 * refused compare-and-set, a definite response that still constrains the state).
 */
public record Completion(boolean ok, Object value, String error) {
  public static Completion ok(Object value) {
    return new Completion(true, value, null);
  }

  public static Completion fail(Object value, String error) {
    return new Completion(false, value, error);
  }
}
