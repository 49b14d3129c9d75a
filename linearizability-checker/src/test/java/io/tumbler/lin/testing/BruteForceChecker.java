package io.tumbler.lin.testing;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.FailureMeaning;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The naive twin of the checker: tries every order of the calls that respects real time (no memo, no
 * partitions, no reductions), for histories small enough to enumerate. It shares only the model and the
 * model's reading of {@code fail} with the fast checker.
 *
 * @param <S> the model's state type
 */
public final class BruteForceChecker<S> {
  private final Model<S> model;

  public BruteForceChecker(Model<S> model) {
    this.model = model;
  }

  /** Whether some order of the history's calls respecting real time is legal for the model. */
  public boolean isLinearizable(History history) {
    return linearizable(kept(history), Integer.MAX_VALUE);
  }

  /**
   * Knossos's {@code :op} by its definition: the completion position of the first call (in completion
   * order) such that no order of calls respecting real time places every call completed by then (later
   * calls may be placed too, with their real outcome, or not), or -1 when none is.
   */
  public int firstBadCompletion(History history) {
    List<Call> calls = kept(history);
    List<Call> byCompletion = new ArrayList<>();
    for (Call call : calls) {
      if (!call.isIndeterminate()) {
        byCompletion.add(call);
      }
    }
    byCompletion.sort(Comparator.comparingInt(Call::completePosition));
    for (Call cut : byCompletion) {
      if (!linearizable(calls, cut.completePosition())) {
        return cut.completePosition();
      }
    }
    return -1;
  }

  private List<Call> kept(History history) {
    List<Call> kept = new ArrayList<>();
    for (Call call : history.calls()) {
      if (!call.isFailed() || model.failureMeaning(call) == FailureMeaning.DEFINITE_RESPONSE) {
        kept.add(call);
      }
    }
    return kept;
  }

  /**
   * Whether some legal order places every call completed by position {@code cut}. Every call steps with
   * its real outcome, also when it completes after the cut (it is then merely not required): Knossos's
   * view, where WGL knows a call's completion as soon as it linearizes it.
   */
  private boolean linearizable(List<Call> all, int cut) {
    List<Call> calls = new ArrayList<>();
    List<Boolean> required = new ArrayList<>();
    for (Call call : all) {
      if (call.invokePosition() < cut) {
        calls.add(call);
        required.add(!call.isIndeterminate() && call.completePosition() <= cut);
      }
    }
    return search(calls, required, new boolean[calls.size()], model.initialState());
  }

  private boolean search(List<Call> calls, List<Boolean> required, boolean[] placed, S state) {
    boolean done = true;
    for (int i = 0; i < calls.size(); i++) {
      done &= placed[i] || !required.get(i);
    }
    if (done) {
      return true;
    }
    for (int i = 0; i < calls.size(); i++) {
      if (placed[i] || !mayGoNext(calls, required, placed, i)) {
        continue;
      }
      for (S next : model.step(state, calls.get(i))) {
        placed[i] = true;
        boolean found = search(calls, required, placed, next);
        placed[i] = false;
        if (found) {
          return true;
        }
      }
    }
    return false;
  }

  /** A call may go next iff no unplaced required call returned before it was invoked. */
  private static boolean mayGoNext(List<Call> calls, List<Boolean> required, boolean[] placed, int i) {
    for (int j = 0; j < calls.size(); j++) {
      if (!placed[j] && required.get(j) && calls.get(j).completePosition() < calls.get(i).invokePosition()) {
        return false;
      }
    }
    return true;
  }
}
