package io.tumbler.lin.counterexample;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Operation;
import java.util.List;

/**
 * Why a (sub-)history is not linearizable, as data a report can draw. Shaped after Knossos's invalid
 * analysis: {@link #op()} is {@code :op}, {@link #previousOk()} is {@code :previous-ok}, {@link
 * #finalPaths()} is {@code :final-paths}.
 *
 * @param partition        the failing sub-history's label ({@code "key 3"}; {@code ""} when unpartitioned)
 * @param keys             its partition keys
 * @param failingCall      the call that cannot be placed: every linearization of the calls that returned
 *                         before it fails to include it (the end of the shortest non-linearizable prefix)
 * @param previousOk       the last ok completion in the sub-history before the failing one, or null
 * @param longestPrefixes  some of the longest linearizable prefixes (each linearizes every call that
 *                         returned before the failing one)
 * @param finalPaths       from those prefixes, the ways of reaching the failing call through the calls
 *                         pending at its completion, each ending with it illegal (bounded in number)
 * @param reachableStates  the model states in which the failing call was tried and found illegal
 * @param explanation      the model's words for the first of those ({@code "can't read 3 from a register
 *                         holding 0"})
 */
public record Counterexample(
    String partition,
    List<Object> keys,
    Call failingCall,
    Operation previousOk,
    List<Linearization> longestPrefixes,
    List<FinalPath> finalPaths,
    List<Object> reachableStates,
    String explanation) {

  public Counterexample {
    keys = List.copyOf(keys);
    longestPrefixes = List.copyOf(longestPrefixes);
    finalPaths = List.copyOf(finalPaths);
    reachableStates = List.copyOf(reachableStates);
  }

  /** Knossos's {@code :op}: the failing call's completion (its invocation if it never completed). */
  public Operation op() {
    return failingCall.completion() != null ? failingCall.completion() : failingCall.invocation();
  }

  /** The calls linearized in the first longest prefix, in order (Knossos's path to {@code :previous-ok}). */
  public List<Call> linearizedBeforeFailure() {
    return longestPrefixes.isEmpty() ? List.of() : longestPrefixes.get(0).calls();
  }
}
