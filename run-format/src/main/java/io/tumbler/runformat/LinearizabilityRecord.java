package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A run's {@code linearizability.json}: the checker's verdict for the run's history, per partition, and for an
 * invalid history each counterexample as data (Knossos's {@code :op}, {@code :previous-ok}, {@code :final-paths}), so
 * a report draws it long after the run. Calls name their invocation's and completion's {@code index} in
 * {@code history.jsonl}. Operation values, inputs, outputs and partition keys are the history's own JSON. Files of
 * versions 1 and 2 have these fields unchanged (their version followed run.json's).
 *
 * @param version the format version; {@link #VERSION} when written by this code
 * @param model the model the history was checked against
 * @param verdict VALID, INVALID or UNKNOWN
 * @param millis how long the check took, wall-clock
 * @param configurations search configurations explored
 * @param partitions each independently checked partition
 * @param counterexamples an INVALID history's counterexamples; null otherwise
 * @param cause an UNKNOWN verdict's cause ("timeout", "memory"); null otherwise
 * @param detail an UNKNOWN verdict's detail; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinearizabilityRecord(int version, String model, String verdict, double millis, long configurations,
    List<Partition> partitions, List<Counterexample> counterexamples, String cause, String detail) {
  /** The version this code writes (3: its own version, no longer run.json's); it reads every version up to it. */
  public static final int VERSION = 3;

  public LinearizabilityRecord {
    partitions = partitions == null ? List.of() : List.copyOf(partitions);
    counterexamples = counterexamples == null ? null : List.copyOf(counterexamples);
  }

  /** The record of a run directory without a readable linearizability.json: no verdict, nothing checked. */
  public static LinearizabilityRecord absent() {
    return new LinearizabilityRecord(0, null, null, 0, 0, null, null, null, null);
  }

  /** Whether the run directory had no readable linearizability.json (every file written has a verdict). */
  public boolean missing() {
    return verdict == null;
  }

  /** The counterexamples, none when the history was not found invalid. */
  public List<Counterexample> counterexamplesOrNone() {
    return counterexamples == null ? List.of() : counterexamples;
  }

  /**
   * One partition's verdict.
   *
   * @param label its name ("key 2", "all")
   * @param keys the keys it holds, as the history writes them
   * @param calls how many calls it has
   * @param verdict VALID, INVALID or UNKNOWN
   * @param configurations search configurations explored in it
   * @param millis how long its check took
   */
  public record Partition(String label, JsonNode keys, long calls, String verdict, long configurations,
      double millis) {}

  /**
   * One counterexample.
   *
   * @param partition the partition it was found in
   * @param keys that partition's keys
   * @param op the operation that cannot be placed
   * @param failingCall the same as a call
   * @param previousOk the last operation to complete ok before it, or null (written as null, not left out)
   * @param explanation the checker's one-line explanation
   * @param longestPrefixes the longest linearizable prefixes
   * @param finalPaths each path tried after a longest prefix, its last step illegal
   * @param reachableStates the model states the prefixes could leave, described
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Counterexample(String partition, JsonNode keys, Operation op, Call failingCall,
      @JsonInclude(JsonInclude.Include.ALWAYS) Operation previousOk,
      String explanation, List<Prefix> longestPrefixes, List<List<Step>> finalPaths, List<String> reachableStates) {
    public Counterexample {
      longestPrefixes = longestPrefixes == null ? List.of() : List.copyOf(longestPrefixes);
      finalPaths = finalPaths == null ? List.of() : finalPaths.stream().map(List::copyOf).toList();
      reachableStates = reachableStates == null ? List.of() : List.copyOf(reachableStates);
    }
  }

  /**
   * A history operation as {@code history.jsonl} has it.
   *
   * @param index its line's index
   * @param process its process
   * @param type invoke, ok, fail or info
   * @param f its function
   * @param value its value
   * @param time its time in ns, or null when the history has none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Operation(long index, JsonNode process, String type, String f, JsonNode value, Long time) {}

  /**
   * A call: an invocation and its completion.
   *
   * @param process its process
   * @param f its function
   * @param input the invocation's value
   * @param output the completion's value
   * @param outcome ok, fail or info
   * @param invokeIndex the invocation's index
   * @param completeIndex the completion's index, or null for a call that never completed
   */
  public record Call(long process, String f, JsonNode input, JsonNode output, String outcome, long invokeIndex,
      Long completeIndex) {}

  /**
   * A longest linearizable prefix.
   *
   * @param calls the calls it linearizes, in order
   * @param state the model state after them, described
   */
  public record Prefix(List<Call> calls, String state) {
    public Prefix {
      calls = calls == null ? List.of() : List.copyOf(calls);
    }
  }

  /**
   * One step of a final path: a call and what the model made of it; the first step of a path from the model's initial
   * state has {@code initial} true and no call fields.
   *
   * @param initial true for the initial-state step; null otherwise
   * @param process the call's process
   * @param f the call's function
   * @param input the call's input
   * @param output the call's output
   * @param outcome ok, fail or info
   * @param invokeIndex the invocation's index
   * @param completeIndex the completion's index
   * @param legal whether the model accepted it
   * @param state the state after it, or why it was illegal
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(Boolean initial, Long process, String f, JsonNode input, JsonNode output, String outcome,
      Long invokeIndex, Long completeIndex, boolean legal, String state) {
    /** The initial-state step. */
    public static Step initial(boolean legal, String state) {
      return new Step(true, null, null, null, null, null, null, null, legal, state);
    }

    /** The step of {@code call}. */
    public static Step of(Call call, boolean legal, String state) {
      return new Step(null, call.process(), call.f(), call.input(), call.output(), call.outcome(), call.invokeIndex(),
          call.completeIndex(), legal, state);
    }

    /** Whether this is the initial-state step (not named isInitial: that would be a second "initial" property). */
    public boolean atInitialState() {
      return Boolean.TRUE.equals(initial);
    }
  }
}
