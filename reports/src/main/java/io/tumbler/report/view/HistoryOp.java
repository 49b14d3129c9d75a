package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One client operation: its invocation joined to its completion from {@code history.jsonl}.
 *
 * @param invokeIndex the {@code index} of the invocation line
 * @param completeIndex the {@code index} of the completion line, or -1 when pending
 * @param process the client process, as text (Jepsen allows non-numeric processes)
 * @param f the operation's function (read, write, cas, create-vm...)
 * @param value the completion's value when it is ok (what was observed), else the invocation's
 * @param invokeNanos simulated time of the invocation
 * @param completeNanos simulated time of the completion, or -1 when pending
 * @param outcome how it ended
 * @param error the completion's {@code error} field, or empty
 */
public record HistoryOp(
    long invokeIndex,
    long completeIndex,
    String process,
    String f,
    JsonNode value,
    long invokeNanos,
    long completeNanos,
    OpOutcome outcome,
    String error) {

  public HistoryOp {
    assert completeIndex == -1 || completeIndex > invokeIndex : "completion before invocation";
  }

  /** The end of its bar on a timeline: the completion, or {@code horizonNanos} when pending. */
  public long endNanos(long horizonNanos) {
    return completeNanos < 0 ? Math.max(horizonNanos, invokeNanos) : completeNanos;
  }

  /** A short human description, e.g. {@code write 178 to key 2}. */
  public String describe() {
    return OpWords.describe(f, value);
  }
}
