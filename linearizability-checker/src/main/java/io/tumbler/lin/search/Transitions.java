package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The model as the search sees it: interned int states, and a cache of {@code (call class, state) ->
 * next states} so that each distinct step calls the model once (calls of one class, {@link
 * CallTraits#callClass}, step alike). Not thread-safe (one per sub-history; both passes of a check share
 * it).
 *
 * @param <S> the model's state type
 */
final class Transitions<S> {
  /** No (further) next state: the call cannot take effect in this state. */
  static final int NONE = -1;
  private static final int ILLEGAL = -1;

  private final Model<S> model;
  private final Call[] calls;
  private final int[] callClass;
  private final Call[] classCalls;
  private final StateTable<S> states;
  private final LongIntTable table;
  private final List<int[]> alternatives = new ArrayList<>();
  private final int initial;

  Transitions(Model<S> model, CallTraits<S> traits) {
    this.model = model;
    this.calls = traits.calls;
    this.callClass = traits.callClass;
    this.classCalls = traits.classCalls;
    this.states = new StateTable<>(model);
    this.table = new LongIntTable(Math.max(64, classCalls.length * 8));
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
    return nextOfClass(callClass[op], state, alternative);
  }

  /** {@link #next} for any call of class {@code callClass}. */
  int nextOfClass(int classId, int state, int alternative) {
    long key = ((long) classId << 32) | state;
    int cached = table.get(key);
    if (cached == LongIntTable.ABSENT) {
      cached = compute(classId, state, key);
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

  /**
   * Which call classes can take effect in some state the sub-history might reach: the closure of the
   * initial state under every class's steps, in any order and any number of times, is a superset of the
   * reachable states, so a class illegal in all of it is illegal wherever the search could try it. Null
   * when the closure passes {@code maxStates} states or {@code maxSteps} steps, or the model fails on a
   * state the history may never reach. The steps stay cached for the search.
   */
  boolean[] legalSomewhere(int maxStates, int maxSteps) {
    boolean[] legal = new boolean[classCalls.length];
    int steps = 0;
    try {
      for (int state = 0; state < states.size(); state++) {
        for (int classId = 0; classId < classCalls.length; classId++) {
          for (int alt = 0; nextOfClass(classId, state, alt) != NONE; alt++) {
            legal[classId] = true;
          }
          if (++steps > maxSteps || states.size() > maxStates) {
            return null;
          }
        }
      }
    } catch (ModelFailure e) {
      return null;
    }
    return legal;
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
    int classId = callClass[op];
    long key = ((long) classId << 32) | state;
    int cached = table.get(key);
    if (cached == LongIntTable.ABSENT) {
      cached = compute(classId, state, key);
    }
    return cached == state;
  }

  private int compute(int classId, int state, long key) {
    List<S> next;
    try {
      next = model.step(states.state(state), classCalls[classId]);
    } catch (RuntimeException e) {
      throw new ModelFailure("model " + model.name() + " failed on " + classCalls[classId] + ": " + e.getMessage(), e);
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
    int[] ids = new int[next.size()];
    int distinct = 0;
    for (S one : next) {
      int id = states.intern(one);
      boolean seen = false;
      for (int i = 0; i < distinct && !seen; i++) {
        seen = ids[i] == id;
      }
      if (!seen) {
        ids[distinct++] = id;
      }
    }
    if (distinct == 1) {
      return ids[0];
    }
    alternatives.add(Arrays.copyOf(ids, distinct));
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
