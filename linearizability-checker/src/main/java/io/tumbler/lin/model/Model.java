package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.List;
import java.util.Objects;

/**
 * A sequential specification: the pure functions the checker needs to decide whether a history is
 * linearizable.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every method is pure and thread-safe: the checker calls them from several threads at once (one
 *       per sub-history) and caches their results, so a method must return the same answer for the same
 *       arguments and must not mutate its arguments.</li>
 *   <li>States are non-null immutable values; {@link #sameState} and {@link #stateHash} (default: {@code equals}
 *       and {@code hashCode}) define when two states are the same configuration.</li>
 *   <li>{@link #step} sees only calls the checker keeps: ok, indeterminate (info or never completed;
 *       any output is acceptable, and the call may also never take effect, which the search handles),
 *       and {@code fail} when {@link #failureMeaning} says {@link FailureMeaning#DEFINITE_RESPONSE}.</li>
 *   <li>{@link #step} depends only on the call's function, input, output, outcome (ok, failed,
 *       indeterminate) and completion error field, never on its process or position: the search asks
 *       the model once per class of such equal calls, and treats indeterminate calls with equal function
 *       and input as interchangeable.</li>
 *   <li>An operation the model does not know is a model error: throw {@link IllegalArgumentException}; the
 *       verdict becomes {@code UNKNOWN}, never a pass.</li>
 * </ul>
 *
 * @param <S> the state type
 */
public interface Model<S> {

  /** The name used on the command line and in reports ({@code cas-register}). */
  String name();

  /** The state before any operation. */
  S initialState();

  /**
   * The states the object may be in after {@code call} takes effect in {@code state}: empty when the
   * call cannot take effect there (its output contradicts the state, or its precondition fails); one
   * state when the model is deterministic; several when the output leaves a choice the model does not
   * replicate (an indeterminate create-vm may have been placed on any host with room).
   */
  List<S> step(S state, Call call);

  /**
   * Whether {@code call}, in every state where it can take effect, leaves the state unchanged (a read, a
   * definite refusal). The search may then linearize it as soon as it is legal, without branching: a
   * sound reduction only if this holds in <em>every</em> state, so the default is false.
   */
  default boolean isReadOnly(Call call) {
    return false;
  }

  /**
   * Whether {@code call} sets part of the state without reading it (a put, a plain write): it is always
   * legal, deterministic, and what it writes does not depend on the state it is applied to; the rest of
   * the state is unchanged. Only used with {@link #observerGuard}. Default false.
   */
  default boolean isBlindWrite(Call call) {
    return false;
  }

  /**
   * Optional pruning for a read-only call: a test on states that may be false only when {@code observer}
   * cannot become legal from that state through steps of calls that are not blind writes ({@link
   * #isBlindWrite}), and that looks only at the part of the state blind writes set wholesale. For {@code
   * kv-get-put-append}: without a put, a key's string only grows, so a get of v needs the current string
   * to be a prefix of v. Null (the default): no test.
   */
  default java.util.function.Predicate<S> observerGuard(Call observer) {
    return null;
  }

  /**
   * Whether {@code call}'s legality can depend on the state (a read, a cas). Only used with {@link
   * #forgetOverwritten}. Default true (conservative).
   */
  default boolean readsState(Call call) {
    return true;
  }

  /**
   * Optional state abstraction: {@code state} with the part that blind write {@code overwriter} sets
   * replaced by a canonical placeholder. The search uses it when {@code overwriter} must still be
   * linearized and no call that could come before it {@link #readsState reads state}: that part will be
   * overwritten unobserved, so states differing only there are equivalent, and forgetting it merges
   * configurations that differ only in the order of writes nobody sees. Calls applied to the placeholder
   * must keep it a placeholder (or anything; it is forgotten again). Default: {@code state} (no
   * abstraction).
   */
  default S forgetOverwritten(S state, Call overwriter) {
    return state;
  }

  /** How to read a {@code fail} completion of {@code call}. Default: it did not happen (Knossos). */
  default FailureMeaning failureMeaning(Call call) {
    return FailureMeaning.DID_NOT_HAPPEN;
  }

  /**
   * Whether histories split into independent sub-histories (P-compositionality): when true, calls whose
   * {@link #partitionKeys} share a key are checked together, and the history is linearizable iff every
   * group is.
   */
  default boolean isPartitioned() {
    return false;
  }

  /** The independent objects {@code call} touches; only asked when {@link #isPartitioned()}. */
  default List<Object> partitionKeys(Call call) {
    return List.of();
  }

  /** Whether {@code a} and {@code b} are the same state. */
  default boolean sameState(S a, S b) {
    return Objects.equals(a, b);
  }

  /** A hash consistent with {@link #sameState}. */
  default int stateHash(S state) {
    return Objects.hashCode(state);
  }

  /** A short human description of {@code state} for reports. */
  default String describeState(S state) {
    return String.valueOf(state);
  }

  /** A short human description of {@code call} for reports ({@code "process 3: cas [1 2] -> ok"}). */
  default String describeCall(Call call) {
    String outcome = call.isIndeterminate() ? "?" : (call.isOk() ? "ok " : "fail ") + call.output();
    return "process " + call.process() + ": " + call.f() + " " + call.input() + " -> " + outcome;
  }

  /** Why {@code call} cannot take effect in {@code state}, for reports. */
  default String explainIllegal(S state, Call call) {
    return "cannot apply " + describeCall(call) + " to " + describeState(state);
  }

  /**
   * {@code state} as plain data (maps, lists, numbers, keywords of the history value universe) for the
   * Knossos-shaped {@code :model} of a counterexample. Default: the description.
   */
  default Object stateAsData(S state) {
    return describeState(state);
  }
}
