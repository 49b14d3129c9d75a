package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the search knows about each call of a sub-history before it starts, asked of the model once and
 * shared by both passes of {@link WglSearch#check}. Calls are numbered 0..n-1 in order of invocation.
 *
 * @param <S> the model's state type
 */
final class CallTraits<S> {
  /** The calls, by number. */
  final Call[] calls;
  /** Calls the search must linearize: every call except the indeterminate ones. */
  final boolean[] required;
  /** Required calls that never change the state ({@link Model#isReadOnly}). */
  final boolean[] readOnly;
  /** Calls whose legality may depend on the state ({@link Model#readsState}). */
  final boolean[] readsState;
  /** For an indeterminate call, the previous indeterminate call with equal f and input, else -1. */
  final int[] identicalEarlier;
  /** Observer guards ({@link Model#observerGuard}) by call, null where there is none. */
  final List<Predicate<S>> guards;
  /** Blind writes by invocation order; the required ones by return order. */
  final int[] blindWrites;
  final int[] requiredBlindWrites;
  /** Calls with a guard by return order, and their return entries (ascending). */
  final int[] observers;
  final int[] observerReturns;
  /** Whether the model abstracts states for blind writes ({@link Model#forgetOverwritten}). */
  final boolean forgetful;

  /**
   * @param model     the model
   * @param calls     the sub-history's calls, in order of invocation
   * @param numbering an entry list of these calls, for its (immutable) entry numbers
   */
  CallTraits(Model<S> model, List<Call> calls, boolean[] required, EntryList numbering) {
    this.calls = calls.toArray(new Call[0]);
    this.required = required;
    this.readOnly = new boolean[this.calls.length];
    this.readsState = new boolean[this.calls.length];
    this.guards = new ArrayList<>(this.calls.length);
    List<Integer> blind = new ArrayList<>();
    for (int op = 0; op < this.calls.length; op++) {
      readOnly[op] = required[op] && model.isReadOnly(this.calls[op]);
      readsState[op] = model.readsState(this.calls[op]);
      guards.add(readOnly[op] ? model.observerGuard(this.calls[op]) : null);
      if (model.isBlindWrite(this.calls[op])) {
        blind.add(op);
      }
    }
    this.identicalEarlier = identicalEarlier(this.calls, required);
    this.blindWrites = sorted(blind, op -> numbering.callEntry[op]);
    List<Integer> requiredBlind = new ArrayList<>();
    List<Integer> guarded = new ArrayList<>();
    for (int op = 0; op < this.calls.length; op++) {
      if (required[op] && blind.contains(op)) {
        requiredBlind.add(op);
      }
      if (guards.get(op) != null) {
        guarded.add(op);
      }
    }
    this.requiredBlindWrites = sorted(requiredBlind, op -> numbering.returnEntry[op]);
    this.observers = sorted(guarded, op -> numbering.returnEntry[op]);
    this.observerReturns = Arrays.stream(observers).map(op -> numbering.returnEntry[op]).toArray();
    this.forgetful = requiredBlindWrites.length > 0 && forgets(model, this.calls[requiredBlindWrites[0]]);
  }

  private static int[] sorted(List<Integer> ops, java.util.function.IntUnaryOperator key) {
    return ops.stream().sorted(Comparator.comparingInt(key::applyAsInt)).mapToInt(Integer::intValue).toArray();
  }

  private static <S> boolean forgets(Model<S> model, Call blindWrite) {
    S initial = model.initialState();
    return !model.sameState(model.forgetOverwritten(initial, blindWrite), initial);
  }

  private static int[] identicalEarlier(Call[] calls, boolean[] required) {
    int[] earlier = new int[calls.length];
    Map<List<Object>, Integer> last = new HashMap<>();
    for (int op = 0; op < calls.length; op++) {
      earlier[op] = -1;
      if (!required[op]) {
        Integer previous = last.put(Arrays.asList(calls[op].f(), calls[op].input()), op);
        earlier[op] = previous == null ? -1 : previous;
      }
    }
    return earlier;
  }

  /** Which calls are required: all but the indeterminate ones. */
  static boolean[] requiredCalls(List<Call> calls) {
    boolean[] required = new boolean[calls.size()];
    for (int op = 0; op < required.length; op++) {
      required[op] = !calls.get(op).isIndeterminate();
    }
    return required;
  }
}
