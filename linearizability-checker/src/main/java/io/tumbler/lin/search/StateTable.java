package io.tumbler.lin.search;

import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interns model states to dense ints, using the model's own {@link Model#sameState} and {@link
 * Model#stateHash}, so that the search compares and hashes states as ints. Not thread-safe (one per
 * search).
 *
 * @param <S> the model's state type
 */
final class StateTable<S> {
  private final Model<S> model;
  private final List<S> states = new ArrayList<>();
  private int[] slots;
  private int[] hashes;

  StateTable(Model<S> model) {
    this.model = model;
    this.slots = new int[64];
    this.hashes = new int[64];
    Arrays.fill(slots, -1);
  }

  /** The id of {@code state}, interning it if new. */
  int intern(S state) {
    int hash = model.stateHash(state);
    int mask = slots.length - 1;
    int slot = (int) ZobristKeys.mix(hash) & mask;
    while (slots[slot] >= 0) {
      if (hashes[slot] == hash && model.sameState(states.get(slots[slot]), state)) {
        return slots[slot];
      }
      slot = (slot + 1) & mask;
    }
    int id = states.size();
    states.add(state);
    slots[slot] = id;
    hashes[slot] = hash;
    if (states.size() * 2 > slots.length) {
      grow();
    }
    return id;
  }

  /** The state with id {@code id}. */
  S state(int id) {
    return states.get(id);
  }

  /** Number of distinct states seen. */
  int size() {
    return states.size();
  }

  private void grow() {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new int[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] >= 0) {
        int slot = (int) ZobristKeys.mix(oldHashes[i]) & mask;
        while (slots[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = oldSlots[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
