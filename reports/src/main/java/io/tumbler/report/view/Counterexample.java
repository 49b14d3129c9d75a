package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A linearizability counterexample from {@code linearizability.json}, joined with the history's times: the
 * operation that cannot be placed, the last ok operation before it, the sub-history around it, the longest
 * linearizable prefixes with their final model states, the final paths tried, and a plain sentence.
 *
 * @param partition the partition it was found in ("key 2")
 * @param failing the operation that cannot be placed
 * @param previousOk the last operation to complete ok before it, if recorded
 * @param explanation the checker's own one-line explanation
 * @param sentence the same in plain words, with times
 * @param around the partition's operations around the failing one, in invocation order
 * @param prefixes the longest linearizable prefixes
 * @param finalPaths each path: the steps tried after a longest prefix, the last one illegal
 * @param reachableStates the model states the prefixes could leave
 */
public record Counterexample(
    String partition,
    HistoryOp failing,
    Optional<HistoryOp> previousOk,
    String explanation,
    String sentence,
    List<HistoryOp> around,
    List<Prefix> prefixes,
    List<List<Step>> finalPaths,
    List<String> reachableStates) {

  /** Operations shown before and after the failing one in {@link #around}. */
  static final int BEFORE = 12;
  static final int AFTER = 6;

  /**
   * A longest linearizable prefix.
   *
   * @param length how many calls it linearizes
   * @param tail its last calls, oldest first
   * @param state the model state after it
   */
  public record Prefix(int length, List<String> tail, String state) {}

  /**
   * One step of a final path.
   *
   * @param call the call, described
   * @param legal whether the model accepted it
   * @param state the state after it, or why it was illegal
   */
  public record Step(String call, boolean legal, String state) {}

  public Counterexample {
    around = List.copyOf(around);
    prefixes = List.copyOf(prefixes);
    finalPaths = List.copyOf(finalPaths);
    reachableStates = List.copyOf(reachableStates);
  }

  /** Reads one entry of {@code counterexamples}; the history supplies times and the surrounding operations. */
  public static Counterexample of(JsonNode cx, History history) {
    JsonNode call = cx.path("failingCall");
    HistoryOp failing = findOp(history, call.path("invokeIndex").asLong(-1)).orElseGet(() -> fromCall(call));
    Optional<HistoryOp> previous = cx.path("previousOk").isObject()
        ? findCompletion(history, cx.path("previousOk").path("index").asLong(-1)) : Optional.empty();
    List<String> states = new ArrayList<>();
    cx.path("reachableStates").forEach(s -> states.add(s.asText()));
    List<HistoryOp> around = around(history, failing, keys(cx.path("keys")), previous);
    String sentence = Sentence.of(failing, previous, states, cx.path("explanation").asText(""));
    return new Counterexample(cx.path("partition").asText(""), failing, previous, cx.path("explanation").asText(""),
        sentence, around, prefixes(cx.path("longestPrefixes")), paths(cx.path("finalPaths")), states);
  }

  private static Optional<HistoryOp> findOp(History history, long invokeIndex) {
    return history.ops().stream().filter(o -> o.invokeIndex() == invokeIndex).findFirst();
  }

  private static Optional<HistoryOp> findCompletion(History history, long completeIndex) {
    return history.ops().stream().filter(o -> o.completeIndex() == completeIndex).findFirst();
  }

  private static HistoryOp fromCall(JsonNode call) {
    return new HistoryOp(call.path("invokeIndex").asLong(), call.path("completeIndex").asLong(-1),
        call.path("process").asText(), call.path("f").asText(), call.path("output"), 0, -1,
        OpOutcome.ofType(call.path("outcome").asText()), "");
  }

  private static List<String> keys(JsonNode keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add(k.asText()));
    return out;
  }

  private static List<HistoryOp> around(History history, HistoryOp failing, List<String> keys,
      Optional<HistoryOp> previous) {
    List<HistoryOp> same = history.ops().stream().filter(o -> inPartition(o, keys)).toList();
    int at = same.indexOf(failing);
    if (at < 0) {
      return List.of(failing);
    }
    List<HistoryOp> out = new ArrayList<>(same.subList(Math.max(0, at - BEFORE), Math.min(same.size(), at + AFTER + 1)));
    previous.filter(p -> !out.contains(p)).ifPresent(p -> {
      out.add(p);
      out.sort(java.util.Comparator.comparingLong(HistoryOp::invokeIndex));
    });
    return out;
  }

  /** Whether {@code op} touches one of {@code keys} (kv shape {@code [key, ...]}); true when keys are unknown. */
  static boolean inPartition(HistoryOp op, List<String> keys) {
    if (keys.isEmpty()) {
      return true;
    }
    JsonNode v = op.value();
    return v.isArray() && v.size() > 0 && keys.contains(v.get(0).asText());
  }

  private static List<Prefix> prefixes(JsonNode array) {
    List<Prefix> out = new ArrayList<>();
    for (JsonNode p : array) {
      JsonNode calls = p.path("calls");
      List<String> tail = new ArrayList<>();
      for (int i = Math.max(0, calls.size() - 8); i < calls.size(); i++) {
        tail.add(describeCall(calls.get(i)));
      }
      out.add(new Prefix(calls.size(), tail, p.path("state").asText("")));
    }
    return out;
  }

  private static List<List<Step>> paths(JsonNode array) {
    List<List<Step>> out = new ArrayList<>();
    for (JsonNode path : array) {
      List<Step> steps = new ArrayList<>();
      path.forEach(s -> steps.add(new Step(describeCall(s), s.path("legal").asBoolean(), s.path("state").asText(""))));
      out.add(steps);
    }
    return out;
  }

  /**
   * "process 4: write 178 to key 2 (ok)" for a call object of linearizability.json; "initial state" for the
   * first step of a final path that starts before any call.
   */
  static String describeCall(JsonNode call) {
    if (call.path("initial").asBoolean()) {
      return "initial state";
    }
    JsonNode value = "ok".equals(call.path("outcome").asText()) ? call.path("output") : call.path("input");
    return "process " + call.path("process").asText() + ": " + OpWords.describe(call.path("f").asText(), value)
        + " (" + call.path("outcome").asText() + ", #" + call.path("invokeIndex").asText() + ")";
  }
}
