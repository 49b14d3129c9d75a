package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import java.util.List;

/**
 * One of the longest linearizable prefixes a failed search reached: the calls it linearized, in
 * linearization order, and the model state they lead to. "Longest" follows Knossos: every call that
 * returned before the failing call is linearized (some pending calls may be too).
 *
 * @param calls the linearization, in order
 * @param state the model state after it
 */
public record BestPrefix(List<Call> calls, Object state) {
  public BestPrefix {
    calls = List.copyOf(calls);
  }
}
