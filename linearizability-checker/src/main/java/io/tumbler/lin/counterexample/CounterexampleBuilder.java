package io.tumbler.lin.counterexample;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.search.BestPrefix;
import io.tumbler.lin.search.PartitionOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an invalid search outcome into a {@link Counterexample}: the prefixes, then Knossos's final
 * paths, found by a bounded depth-first walk from each best prefix's state through the calls pending at
 * the failing call's completion (each used at most once, memoized on (calls used, state)), trying the
 * failing call at every node. Knossos enumerates every subset permutation; the memo and the bounds keep
 * this polynomial in practice and the output small enough to read.
 *
 * @param <S> the model's state type
 */
public final class CounterexampleBuilder<S> {
  /** At most this many pending calls are walked (a 64-bit mask); later ones are left out. */
  private static final int MAX_PENDING = 63;

  private final Model<S> model;
  private final int maxPaths;
  private final int maxNodes;

  /**
   * @param model    the model the search used
   * @param maxPaths the most final paths to report
   * @param maxNodes the most walk nodes to visit over all prefixes
   */
  public CounterexampleBuilder(Model<S> model, int maxPaths, int maxNodes) {
    this.model = model;
    this.maxPaths = maxPaths;
    this.maxNodes = maxNodes;
  }

  /** The counterexample for an INVALID outcome. */
  @SuppressWarnings("unchecked")
  public Counterexample build(PartitionOutcome outcome) {
    Call failing = Objects.requireNonNull(outcome.failingCall(), "not an invalid outcome");
    List<Linearization> prefixes = new ArrayList<>();
    Walk walk = new Walk(failing);
    for (BestPrefix prefix : outcome.bestPrefixes()) {
      S state = (S) prefix.state();
      prefixes.add(new Linearization(prefix.calls(), state, model.describeState(state)));
      walk.from(prefix, pending(outcome.subHistory().calls(), prefix.calls(), failing), state);
    }
    String explanation = walk.triedStates.isEmpty() ? "no linearization reaches " + failing
        : model.explainIllegal(walk.triedStates.get(0), failing);
    return new Counterexample(outcome.subHistory().label(), outcome.subHistory().keys(), failing,
        previousOk(outcome.subHistory().calls(), failing), prefixes, walk.paths,
        new ArrayList<>(walk.triedStates), explanation);
  }

  /** Calls open at the failing call's completion and not in the prefix (Knossos's concurrent calls). */
  private static List<Call> pending(List<Call> calls, List<Call> linearized, Call failing) {
    Set<Integer> done = new HashSet<>();
    linearized.forEach(call -> done.add(call.id()));
    int end = failing.completePosition() < 0 ? Integer.MAX_VALUE : failing.completePosition();
    List<Call> pending = new ArrayList<>();
    for (Call call : calls) {
      boolean open = call.invokePosition() < end && (call.completePosition() < 0 || call.completePosition() > end);
      if (open && call != failing && !done.contains(call.id()) && pending.size() < MAX_PENDING) {
        pending.add(call);
      }
    }
    return pending;
  }

  /** Knossos's {@code :previous-ok}: the last ok completion before the failing call's completion. */
  private static Operation previousOk(List<Call> calls, Call failing) {
    Call best = null;
    int end = failing.completePosition() < 0 ? Integer.MAX_VALUE : failing.completePosition();
    for (Call call : calls) {
      if (call.isOk() && call.completePosition() < end && (best == null || call.completePosition() > best.completePosition())) {
        best = call;
      }
    }
    return best == null ? null : best.completion();
  }

  /** The bounded walk over (pending calls used, state), shared by all prefixes of one counterexample. */
  private final class Walk {
    private final Call failing;
    private final List<FinalPath> paths = new ArrayList<>();
    private final List<S> triedStates = new ArrayList<>();
    private final Set<Object> visited = new HashSet<>();
    private int nodes;

    Walk(Call failing) {
      this.failing = failing;
    }

    void from(BestPrefix prefix, List<Call> pending, S state) {
      List<Call> order = prefix.calls();
      Call last = order.isEmpty() ? null : order.get(order.size() - 1);
      List<PathStep> path = new ArrayList<>();
      path.add(new PathStep(last, true, state, model.describeState(state)));
      visit(pending, 0L, state, path);
    }

    private void visit(List<Call> pending, long used, S state, List<PathStep> path) {
      if (nodes >= maxNodes || !visited.add(List.of(used, new StateKey(state)))) {
        return;
      }
      nodes++;
      if (model.step(state, failing).isEmpty()) {
        noteTried(state);
        if (paths.size() < maxPaths) {
          List<PathStep> finished = new ArrayList<>(path);
          finished.add(new PathStep(failing, false, state, model.explainIllegal(state, failing)));
          paths.add(new FinalPath(finished));
        }
      }
      for (int i = 0; i < pending.size(); i++) {
        if ((used & (1L << i)) != 0) {
          continue;
        }
        for (S next : model.step(state, pending.get(i))) {
          path.add(new PathStep(pending.get(i), true, next, model.describeState(next)));
          visit(pending, used | (1L << i), next, path);
          path.remove(path.size() - 1);
        }
      }
    }

    private void noteTried(S state) {
      for (S seen : triedStates) {
        if (model.sameState(seen, state)) {
          return;
        }
      }
      if (triedStates.size() < 64) {
        triedStates.add(state);
      }
    }
  }

  /** A state compared with the model's equality, for the walk's memo. */
  private final class StateKey {
    private final S state;

    StateKey(S state) {
      this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean equals(Object other) {
      return other instanceof CounterexampleBuilder<?>.StateKey key && model.sameState(state, (S) key.state);
    }

    @Override
    public int hashCode() {
      return model.stateHash(state);
    }
  }
}
