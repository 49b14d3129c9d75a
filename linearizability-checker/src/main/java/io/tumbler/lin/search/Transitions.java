package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The model as the search sees it: interned int states, and a cache of {@code (operation, state) ->
 * next states} so that each distinct step calls the model once. Not thread-safe (one per search).
 *
 * @param <S> the model's state type
 */
final class Transitions<S> {
  /** No (further) next state: the call cannot take effect in this state. */
  static final int NONE = -1;
  private static final int ILLEGAL = -1;

  private final Model<S> model;
  private final Call[] calls;
  private final StateTable<S> states;
  private final LongIntTable table;
  private final List<int[]> alternatives = new ArrayList<>();
  private final int initial;

  Transitions(Model<S> model, Call[] calls) {
    this.model = model;
    this.calls = calls;
    this.states = new StateTable<>(model);
    this.table = new LongIntTable(Math.max(64, calls.length * 4));
    this.initial = states.intern(model.initialState());
  }

  /** The id of the model's initial state. */
  int initialState() {
    return initial;
  }

  /**
   * The {@code alternative}-th state (0-based) that operation {@code op} may lead to from {@code state},
   * or {@link #NONE} when there are no more.
   *
   * @throws ModelFailure when the model throws
   */
  int next(int op, int state, int alternative) {
    long key = ((long) op << 32) | state;
    int cached = table.get(key);
    if (cached == LongIntTable.ABSENT) {
      cached = compute(op, state, key);
    }
    if (cached >= 0) {
      return alternative == 0 ? cached : NONE;
    }
    if (cached == ILLEGAL) {
      return NONE;
    }
    int[] options = alternatives.get(-cached - 2);
    return alternative < options.length ? options[alternative] : NONE;
  }

  /** Whether the model abstracts states for blind write {@code op} at all (tried on the initial state). */
  boolean forgets(int op) {
    S initialState = states.state(initial);
    return !model.sameState(model.forgetOverwritten(initialState, calls[op]), initialState);
  }

  /** The id of {@code state} with what blind write {@code op} overwrites forgotten (cached). */
  int forget(int op, int state) {
    long key = ((long) (calls.length + op) << 32) | state;
    int cached = table.get(key);
    if (cached == LongIntTable.ABSENT) {
      S abstracted;
      try {
        abstracted = model.forgetOverwritten(states.state(state), calls[op]);
      } catch (RuntimeException e) {
        throw new ModelFailure("model " + model.name() + " failed to abstract for " + calls[op] + ": " + e.getMessage(), e);
      }
      cached = states.intern(abstracted);
      table.putNew(key, cached);
    }
    return cached;
  }

  /** Whether {@code op} is legal in {@code state}, deterministic there, and leaves it unchanged. */
  boolean isNoOp(int op, int state) {
    long key = ((long) op << 32) | state;
    int cached = table.get(key);
    if (cached == LongIntTable.ABSENT) {
      cached = compute(op, state, key);
    }
    return cached == state;
  }

  private int compute(int op, int state, long key) {
    List<S> next;
    try {
      next = model.step(states.state(state), calls[op]);
    } catch (RuntimeException e) {
      throw new ModelFailure("model " + model.name() + " failed on " + calls[op] + ": " + e.getMessage(), e);
    }
    int encoded = encode(next);
    table.putNew(key, encoded);
    return encoded;
  }

  private int encode(List<S> next) {
    if (next.isEmpty()) {
      return ILLEGAL;
    }
    if (next.size() == 1) {
      return states.intern(next.get(0));
    }
    int[] ids = next.stream().mapToInt(states::intern).distinct().toArray();
    if (ids.length == 1) {
      return ids[0];
    }
    alternatives.add(ids);
    return -(alternatives.size() - 1) - 2;
  }

  /** The state with id {@code id}. */
  S state(int id) {
    return states.state(id);
  }

  /** The model. */
  Model<S> model() {
    return model;
  }

  /** Distinct states seen so far. */
  int stateCount() {
    return states.size();
  }
}
