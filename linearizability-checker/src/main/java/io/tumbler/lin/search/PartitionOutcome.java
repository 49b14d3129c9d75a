package io.tumbler.lin.search;

import io.tumbler.lin.UnknownCause;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.history.Call;
import java.util.List;

/**
 * What the search decided about one sub-history.
 *
 * @param subHistory     the sub-history
 * @param verdict        valid, invalid or unknown
 * @param cause          why unknown; null otherwise
 * @param detail         a human explanation for unknown (the model's error); "" otherwise
 * @param configurations configurations cached (explored) by the search
 * @param failingCall    for invalid: the call whose return no linearization got past (Knossos's
 *                       {@code :op} is its completion); null otherwise
 * @param bestPrefixes   for invalid: some of the longest linearizable prefixes; empty otherwise
 * @param elapsedNanos   wall time of the search
 */
public record PartitionOutcome(
    SubHistory subHistory,
    Verdict verdict,
    UnknownCause cause,
    String detail,
    long configurations,
    Call failingCall,
    List<BestPrefix> bestPrefixes,
    long elapsedNanos) {

  public PartitionOutcome {
    bestPrefixes = List.copyOf(bestPrefixes);
    if ((verdict == Verdict.UNKNOWN) != (cause != null)) {
      throw new IllegalArgumentException("a cause exactly when unknown");
    }
    if ((verdict == Verdict.INVALID) != (failingCall != null)) {
      throw new IllegalArgumentException("a failing call exactly when invalid");
    }
  }
}
