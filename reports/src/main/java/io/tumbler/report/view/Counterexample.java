package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.tumbler.runformat.LinearizabilityRecord;
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
  public static Counterexample of(LinearizabilityRecord.Counterexample cx, History history) {
    LinearizabilityRecord.Call call = cx.failingCall();
    HistoryOp failing = (call == null ? Optional.<HistoryOp>empty() : findOp(history, call.invokeIndex()))
        .orElseGet(() -> fromCall(call));
    Optional<HistoryOp> previous = cx.previousOk() != null
        ? findCompletion(history, cx.previousOk().index()) : Optional.empty();
    List<String> states = cx.reachableStates();
    String explanation = cx.explanation() == null ? "" : cx.explanation();
    List<HistoryOp> around = around(history, failing, keys(cx.keys()), previous);
    String sentence = Sentence.of(failing, previous, states, explanation);
    return new Counterexample(cx.partition() == null ? "" : cx.partition(), failing, previous, explanation,
        sentence, around, prefixes(cx.longestPrefixes()), paths(cx.finalPaths()), states);
  }

  private static Optional<HistoryOp> findOp(History history, long invokeIndex) {
    return history.ops().stream().filter(o -> o.invokeIndex() == invokeIndex).findFirst();
  }

  private static Optional<HistoryOp> findCompletion(History history, long completeIndex) {
    return history.ops().stream().filter(o -> o.completeIndex() == completeIndex).findFirst();
  }

  /** The failing call drawn from the counterexample alone (its invocation is not in the history read). */
  private static HistoryOp fromCall(LinearizabilityRecord.Call call) {
    if (call == null) {
      return new HistoryOp(-1, -1, "?", "?", NullNode.getInstance(), 0, -1, OpOutcome.ofType(""), "");
    }
    return new HistoryOp(call.invokeIndex(), call.completeIndex() == null ? -1 : call.completeIndex(),
        String.valueOf(call.process()), String.valueOf(call.f()), value(call.output()), 0, -1,
        OpOutcome.ofType(String.valueOf(call.outcome())), "");
  }

  private static JsonNode value(JsonNode v) {
    return v == null ? NullNode.getInstance() : v;
  }

  private static List<String> keys(JsonNode keys) {
    List<String> out = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> out.add(k.asText()));
    }
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

  private static List<Prefix> prefixes(List<LinearizabilityRecord.Prefix> prefixes) {
    List<Prefix> out = new ArrayList<>();
    for (LinearizabilityRecord.Prefix p : prefixes) {
      List<LinearizabilityRecord.Call> calls = p.calls();
      List<String> tail = calls.subList(Math.max(0, calls.size() - 8), calls.size()).stream()
          .map(c -> describeCall(LinearizabilityRecord.Step.of(c, true, ""))).toList();
      out.add(new Prefix(calls.size(), tail, p.state() == null ? "" : p.state()));
    }
    return out;
  }

  private static List<List<Step>> paths(List<List<LinearizabilityRecord.Step>> paths) {
    List<List<Step>> out = new ArrayList<>();
    for (List<LinearizabilityRecord.Step> path : paths) {
      out.add(path.stream().map(s -> new Step(describeCall(s), s.legal(), s.state() == null ? "" : s.state()))
          .toList());
    }
    return out;
  }

  /**
   * "process 4: write 178 to key 2 (ok)" for a call of linearizability.json; "initial state" for the first step of a
   * final path that starts before any call.
   */
  static String describeCall(LinearizabilityRecord.Step call) {
    if (call.atInitialState()) {
      return "initial state";
    }
    JsonNode value = "ok".equals(call.outcome()) ? value(call.output()) : value(call.input());
    return "process " + call.process() + ": " + OpWords.describe(String.valueOf(call.f()), value)
        + " (" + call.outcome() + ", #" + call.invokeIndex() + ")";
  }
}
