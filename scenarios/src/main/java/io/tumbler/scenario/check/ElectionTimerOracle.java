package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.scenario.journal.HarnessEvent.CampaignStarted;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.HarnessEvent.ElectionTimerReset;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#ELECTION_TIMER_RULE}: a node campaigns on its own (a pre-vote, or a candidacy that no
 * pre-vote preceded) only once an election timeout elapsed without a reset (Raft Figure 2, §5.2): at least the
 * minimum timeout T in ticks since the latest of its (re)start, a real vote it granted, a message it accepted
 * from the leader of its term, and its own previous campaign (converting to candidate resets the timer too).
 *
 * <p>Exempt are the candidacy that follows a pre-vote the node won (its timer fired for the pre-vote) and a
 * transfer election the node started while handed a TimeoutNow (dissertation §3.10). A message from the leader
 * ends a pre-vote round (the pre-candidate follows it), so a candidacy after one is judged as a campaign of its
 * own; a real vote granted during the round does not end it — in this core as in etcd/raft the pre-candidate
 * may still win the round and stand a few ticks after voting — so such a candidacy stays exempt.
 * Ticks are the harness's count of ticks delivered to the incarnation, never the node's own counter, so a node
 * that forgets to reset (a granted vote that keeps the timer running) is caught at its early campaign. Such a
 * bug mostly costs liveness — with PreVote the early campaign is refused — so no other property sees it.
 *
 * <p>The facts are the harness's {@link ElectionTimerReset} and {@link CampaignStarted} events; a journal saved
 * before they existed has no campaigns to judge.
 */
final class ElectionTimerOracle implements JournalOracle {
  private static final String PRE_VOTE_STARTED = "PRE_VOTE_STARTED";

  /** The latest election-timer reset of each node's current incarnation. */
  private final TreeMap<Integer, Reset> lastReset = new TreeMap<>();
  /** The term of each node's pre-vote round in progress (started, not ended by its leader or a campaign). */
  private final TreeMap<Integer, Long> preVoteTerm = new TreeMap<>();

  /** A timer reset: what it was, with whom, in which term, at which delivered tick and true time. */
  private record Reset(String cause, int peer, long term, long ticks, long timeNanos) {
    String describe() {
      String with = peer == 0 ? "" : (cause.equals("VOTE_GRANTED") ? " to node " : " from node ") + peer;
      return cause + with + " in term " + term + " at tick " + ticks + " (t=" + timeNanos + " ns)";
    }
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof Recovered e) {
      lastReset.put(e.node(), new Reset("RESTART", 0, e.term(), 0, entry.timeNanos()));
      preVoteTerm.remove(e.node());
    } else if (event instanceof Crashed e) {
      lastReset.remove(e.node());
      preVoteTerm.remove(e.node());
    } else if (event instanceof ElectionTimerReset e) {
      lastReset.put(e.node(), new Reset(e.cause(), e.peer(), e.term(), e.ticks(), e.timeNanos()));
      if (e.cause().equals("LEADER_MESSAGE")) {
        preVoteTerm.remove(e.node());
      }
    } else if (event instanceof CampaignStarted e) {
      Reset since = lastReset.getOrDefault(e.node(), new Reset("START", 0, 0, 0, 0));
      boolean exempt = exempt(e, preVoteTerm.remove(e.node()));
      if (PRE_VOTE_STARTED.equals(e.path())) {
        preVoteTerm.put(e.node(), e.term());
      }
      if (!exempt && e.ticks() - since.ticks() < e.electionTimeoutTicks()) {
        sink.report(SafetyProperty.ELECTION_TIMER_RULE, List.of(e.node()), e.term(), 0, "node " + e.node()
            + " started a campaign for term " + e.term() + " (" + e.path() + ", on " + e.trigger() + ") "
            + (e.ticks() - since.ticks()) + " ticks after its election timer was reset by " + since.describe()
            + ": the election timeout is at least " + e.electionTimeoutTicks() + " ticks (Figure 2)");
      }
      lastReset.put(e.node(), new Reset("CAMPAIGN " + e.path(), 0, e.term(), e.ticks(), e.timeNanos()));
    }
  }

  /** The candidacy after a won pre-vote round of its term still in progress, or a transfer on TimeoutNow. */
  private static boolean exempt(CampaignStarted e, Long preVoteRoundTerm) {
    if ("ELECTION_AFTER_PRE_VOTE".equals(e.path())) {
      return preVoteRoundTerm != null && preVoteRoundTerm == e.term();
    }
    return "ELECTION_ON_TRANSFER".equals(e.path()) && "TimeoutNow".equals(e.trigger());
  }
}
