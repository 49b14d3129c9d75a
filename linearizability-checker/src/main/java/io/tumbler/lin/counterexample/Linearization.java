package io.tumbler.lin.counterexample;

import io.tumbler.lin.history.Call;
import java.util.List;

/**
 * A linearizable prefix: calls in linearization order, and the model state they lead to.
 *
 * @param calls            the calls, in the order they take effect
 * @param state            the model state after them
 * @param stateDescription the state as the model describes it
 */
public record Linearization(List<Call> calls, Object state, String stateDescription) {
  public Linearization {
    calls = List.copyOf(calls);
  }
}
