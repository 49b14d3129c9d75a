package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import java.util.List;

/**
 * An independent part of a history (P-compositionality): the calls that touch one group of keys, or
 * every call when the model is not partitioned. Only calls the model keeps are here (a {@code fail} the
 * model reads as "did not happen" is gone).
 *
 * @param index 0-based, in order of the sub-history's first invocation
 * @param label the keys it covers ({@code "key 3"}), or {@code ""} for the whole history
 * @param keys  the partition keys, empty when not partitioned
 * @param calls its calls in order of invocation
 */
public record SubHistory(int index, String label, List<Object> keys, List<Call> calls) {
  public SubHistory {
    keys = List.copyOf(keys);
    calls = List.copyOf(calls);
  }
}
