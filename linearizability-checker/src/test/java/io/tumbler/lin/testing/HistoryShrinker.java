package io.tumbler.lin.testing;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Delta debugging (ddmin) over a history's calls: removes chunks of calls, then single calls, as long as
 * the property still holds, and returns a history that is 1-minimal (removing any one call loses it).
 * A call is removed with its completion, so every candidate is well-formed; nemesis events are dropped.
 */
public final class HistoryShrinker {
  private HistoryShrinker() {}

  /** The smallest history found that still satisfies {@code stillFails}. */
  public static History shrink(History history, Predicate<History> stillFails) {
    List<Call> calls = new ArrayList<>(history.calls());
    int chunks = 2;
    while (calls.size() >= 2) {
      int chunk = Math.max(1, calls.size() / chunks);
      boolean removed = false;
      for (int start = 0; start < calls.size(); start += chunk) {
        List<Call> candidate = new ArrayList<>(calls);
        candidate.subList(start, Math.min(calls.size(), start + chunk)).clear();
        if (!candidate.isEmpty() && stillFails.test(rebuild(history, candidate))) {
          calls = candidate;
          chunks = Math.max(chunks - 1, 2);
          removed = true;
          break;
        }
      }
      if (!removed) {
        if (chunk == 1) {
          break;
        }
        chunks = Math.min(chunks * 2, calls.size());
      }
    }
    return rebuild(history, calls);
  }

  private static History rebuild(History history, List<Call> calls) {
    Set<Integer> keep = new HashSet<>();
    for (Call call : calls) {
      keep.add(call.invokePosition());
      if (call.completion() != null) {
        keep.add(call.completePosition());
      }
    }
    List<Operation> events = new ArrayList<>();
    for (int position = 0; position < history.operations().size(); position++) {
      if (keep.contains(position)) {
        events.add(history.operations().get(position));
      }
    }
    return History.of(events);
  }
}
