package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.HarnessEvent.TransferSent;
import io.tumbler.scenario.journal.HarnessEvent.VoteRequested;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link SafetyProperty#TRANSFER_HANDED_OFF}: voters grant a leadership transfer's vote request even when they heard
 * from a leader within the minimum election timeout (dissertation §3.10), which is exactly what stickiness and the
 * leases built on it forbid to any other election (§4.2.3, §6.4.1). So a request flagged as a transfer in term T must
 * come from a node the leader of term T - 1 handed off to with TimeoutNow ({@link TransferSent}); any other is an
 * ordinary campaign bypassing stickiness, whatever made the candidate flag it. Judged from the wire: the harness
 * journals each TimeoutNow sent and each real vote request delivered with its flag; reported once per candidacy.
 */
final class TransferVoteOracle implements JournalOracle {
  /** Per node: the terms in which a leader sent it TimeoutNow. */
  private final TreeMap<Integer, TreeSet<Long>> handedOff = new TreeMap<>();
  /** Per candidate: the terms of its candidacies already reported. */
  private final TreeMap<Integer, TreeSet<Long>> reported = new TreeMap<>();

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof TransferSent e) {
      handedOff.computeIfAbsent(e.target(), n -> new TreeSet<>()).add(e.term());
    } else if (event instanceof VoteRequested e && e.transfer()) {
      TreeSet<Long> terms = handedOff.get(e.candidate());
      if ((terms == null || !terms.contains(e.term() - 1)) && reported.computeIfAbsent(e.candidate(), n -> new TreeSet<>()).add(e.term())) {
        sink.report(SafetyProperty.TRANSFER_HANDED_OFF, List.of(e.candidate(), e.node()), e.term(), 0, "node "
            + e.candidate() + " asked node " + e.node() + " for its vote in term " + e.term() + " as a leadership "
            + "transfer (voters ignore stickiness for it), but no leader of term " + (e.term() - 1) + " sent it "
            + "TimeoutNow" + (terms == null ? "" : " (it was handed off to in terms " + terms + ")"));
      }
    }
  }
}
