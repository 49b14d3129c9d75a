package io.tumbler.lin.history;

/**
 * An invocation paired with its completion: the unit the checker linearizes.
 *
 * <p>{@link #isIndeterminate()} holds for an {@code info} completion and for an invocation that never
 * completed; such a call may take effect at any point after its invocation, or never. Whether a {@code
 * fail} completion means "did not happen" or "a definite response that constrains the state" is the
 * model's decision ({@code Model.failureMeaning}).
 *
 * @param id                 0-based order of invocation among the history's client calls
 * @param invocation         the invoke event
 * @param completion         the ok, fail or info event, or null when the call never completed
 * @param invokePosition     the invocation's position in {@link History#operations()}
 * @param completePosition   the completion's position, or -1 when there is none
 */
public record Call(int id, Operation invocation, Operation completion, int invokePosition, int completePosition) {
  public Call {
    if (invocation.type() != OpType.INVOKE) {
      throw new IllegalArgumentException("not an invocation: " + invocation);
    }
    if ((completion == null) != (completePosition < 0)) {
      throw new IllegalArgumentException("completion and its position must both be present or absent");
    }
    if (completion != null && completePosition <= invokePosition) {
      throw new IllegalArgumentException("completion precedes invocation: " + invocation + " / " + completion);
    }
  }

  /** The client process. */
  public long process() {
    return invocation.clientProcess();
  }

  /** The function name. */
  public String f() {
    return invocation.f();
  }

  /** What was asked: the invocation's value. */
  public Object input() {
    return invocation.value();
  }

  /** What came back: the completion's value for ok and fail, null when indeterminate. */
  public Object output() {
    return isIndeterminate() ? null : completion.value();
  }

  /** Whether the call completed {@code ok}. */
  public boolean isOk() {
    return completion != null && completion.type() == OpType.OK;
  }

  /** Whether the call completed {@code fail}. */
  public boolean isFailed() {
    return completion != null && completion.type() == OpType.FAIL;
  }

  /** Whether the outcome is unknown: an {@code info} completion, or none at all. */
  public boolean isIndeterminate() {
    return completion == null || completion.type() == OpType.INFO;
  }

  /** The {@code error} field of the completion, or null. */
  public Object error() {
    return completion == null ? null : completion.error();
  }

  @Override
  public String toString() {
    String outcome = completion == null ? "never completed"
        : completion.type().jepsenName() + (completion.valuePresent() ? " " + completion.value() : "");
    return "process " + process() + " " + f() + (invocation.valuePresent() ? " " + input() : "") + " -> " + outcome
        + " (index " + invocation.index() + (completion == null ? "" : ".." + completion.index()) + ")";
  }
}
