package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.HardStateSynced;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.Voted;
import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.HarnessEvent.VoteGranted;
import io.tumbler.scenario.journal.HarnessEvent.VoteRequested;
import io.tumbler.scenario.journal.HarnessEvent.Wiped;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Promises a node sends must already be durable (Raft Figure 2: "respond to RPCs only after updating stable
 * storage"), judged from what the node sent and what its journal says is durable — no crash needed:
 *
 * <ul>
 *   <li>{@link SafetyProperty#VOTE_DURABLE_BEFORE_SENT}: a vote for C in term T leaves only once the node's
 *       durable hard state is (T, C) or has moved past T; and a recovered hard state keeps that vote.
 *   <li>{@link SafetyProperty#ACK_DURABLE_BEFORE_SENT}: an acknowledgement of term T claiming match index M
 *       leaves only once the node's durable log reaches M and its durable term is at least T.
 *   <li>{@link SafetyProperty#VOTE_LOG_CHECK}: a vote is granted only to a candidate whose last entry is at
 *       least as up to date as the voter's (§5.4.1). The voter's log is its durable log when the vote leaves,
 *       which is the log it decided on, plus at most entries the candidate itself sent once elected (of term
 *       T, so the check stands aside when the voter's last entry is of term T or later).
 * </ul>
 *
 * <p>The durable log is the safety checker's own {@link NodeLogView} of the node, read through
 * {@code logs}; this oracle keeps only hard states and vote requests.
 */
final class DurabilityOracle implements JournalOracle {
  private final IntFunction<NodeLogView> logs;
  private final TreeMap<Integer, HardState> durable = new TreeMap<>();
  /** Each (voter, candidate, term)'s vote request; keys are records of ints (stable hashes), never iterated. */
  private final Map<Request, VoteRequested> requests = new HashMap<>();

  private record HardState(long term, int votedFor) {}

  private record Request(int voter, int candidate, long term) {}

  DurabilityOracle(IntFunction<NodeLogView> logs) {
    this.logs = logs;
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof HardStateSynced e) {
      durable.put(e.node(), new HardState(e.term(), e.votedFor()));
    } else if (event instanceof Voted e) {
      durable.put(e.node(), new HardState(e.term(), e.candidate()));
    } else if (event instanceof Recovered e) {
      onRecovered(e, sink);
    } else if (event instanceof Wiped e) {
      durable.remove(e.node());
    } else if (event instanceof VoteRequested e) {
      requests.putIfAbsent(new Request(e.node(), e.candidate(), e.term()), e);
    } else if (event instanceof VoteGranted e) {
      checkVoteDurable(e, sink);
      checkVoteLog(e, sink);
    } else if (event instanceof AppendAcked e) {
      checkAckDurable(e, sink);
    }
  }

  private HardState hardState(int node) {
    return durable.getOrDefault(node, new HardState(0, 0));
  }

  private void onRecovered(Recovered e, ViolationSink sink) {
    HardState before = hardState(e.node());
    if (e.term() == before.term() && before.votedFor() != 0 && e.votedFor() != before.votedFor()) {
      sink.report(SafetyProperty.VOTE_DURABLE_BEFORE_SENT, List.of(e.node(), before.votedFor()), e.term(), 0,
          "node " + e.node() + " had made its vote for " + before.votedFor() + " in term " + e.term()
              + " durable but recovered voted-for " + e.votedFor() + " in that term");
    }
    durable.put(e.node(), new HardState(e.term(), e.votedFor()));
  }

  private void checkVoteDurable(VoteGranted e, ViolationSink sink) {
    HardState h = hardState(e.node());
    if (h.term() > e.term() || h.term() == e.term() && h.votedFor() == e.candidate()) {
      return;
    }
    sink.report(SafetyProperty.VOTE_DURABLE_BEFORE_SENT, List.of(e.node(), e.candidate()), e.term(), 0,
        "node " + e.node() + " sent its vote for " + e.candidate() + " in term " + e.term()
            + " while its durable hard state was term " + h.term() + " voted-for " + h.votedFor());
  }

  private void checkAckDurable(AppendAcked e, ViolationSink sink) {
    long durableLast = logs.apply(e.node()).lastIndex();
    long durableTerm = hardState(e.node()).term();
    if (e.matchIndex() <= durableLast && e.term() <= durableTerm) {
      return;
    }
    sink.report(SafetyProperty.ACK_DURABLE_BEFORE_SENT, List.of(e.node(), e.leader()), e.term(), e.matchIndex(),
        "node " + e.node() + " acknowledged index " + e.matchIndex() + " of term " + e.term() + " to "
            + e.leader() + " while its durable log ended at " + durableLast + " and its durable term was "
            + durableTerm);
  }

  private void checkVoteLog(VoteGranted e, ViolationSink sink) {
    VoteRequested request = requests.get(new Request(e.node(), e.candidate(), e.term()));
    NodeLogView log = logs.apply(e.node());
    long lastIndex = log.lastIndex();
    long lastTerm = log.termAt(lastIndex);
    if (request == null || lastTerm >= e.term()) {
      return;
    }
    boolean voterAhead = lastTerm > request.lastLogTerm()
        || lastTerm == request.lastLogTerm() && lastIndex > request.lastLogIndex();
    if (voterAhead) {
      sink.report(SafetyProperty.VOTE_LOG_CHECK, List.of(e.node(), e.candidate()), e.term(), lastIndex,
          "node " + e.node() + " voted for " + e.candidate() + " in term " + e.term() + " although its log (last "
              + "entry " + lastIndex + " of term " + lastTerm + ") is more up to date than the candidate's (last "
              + "entry " + request.lastLogIndex() + " of term " + request.lastLogTerm() + ")");
    }
  }
}
