package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.HardStateSynced;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.raft.node.Observation.Voted;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.AppendAcked;
import io.tumbler.scenario.journal.HarnessEvent.CampaignStarted;
import io.tumbler.scenario.journal.HarnessEvent.TermSeen;
import io.tumbler.scenario.journal.HarnessEvent.VoteGranted;
import io.tumbler.scenario.journal.HarnessEvent.Wiped;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SafetyProperty#TERM_MONOTONIC}: a node's current term never goes back, and it only goes up for a
 * reason (Raft §5.1): the node starts an election (one term up), or it was handed a message of a higher term.
 *
 * <p>Within an incarnation every term the node reports (role changes, hard states, votes) is at least the
 * highest it reported before; across a restart the recovered term is at least the highest term it had made
 * durable (a wipe forgets it on purpose). A rise is justified by a {@link TermSeen} of at least that term in
 * the same incarnation, or by becoming candidate at most one term above what it held or was told. So a
 * PreVote (dissertation §9.6) that raises the real term — the pre-candidate's own or a voter's, which sees
 * only a pre-vote request of the higher term — is caught without a crash or a lucky second election.
 * Messages the node sends count too: a real vote or acknowledgement of a term it never justified.
 *
 * <p>The harness also journals the moment a node takes a campaign path ({@link CampaignStarted}). A node whose
 * durable state lags its core (a sync still in flight, a pause) may campaign and be beaten within one batch
 * of messages: its role reports candidate and follower collapse into no role change at all, and its vote for
 * itself surfaces later with no candidate role to explain it. The campaign event explains it, and is itself
 * judged: an election starts at most one term above what the node held, was told, or campaigned for before.
 *
 * <p>Rises are judged only in journals that record the wire ({@link TermSeen} and the other harness
 * observations of messages): a journal saved before they existed holds no justifications, and would make
 * every follower's first term look unexplained. A live run's first wire observation comes before any
 * follower can adopt a term.
 */
final class TermOracle implements JournalOracle {
  private final TreeMap<Integer, Terms> nodes = new TreeMap<>();
  /** The journal records the wire: term rises must be justified. */
  private boolean wireRecorded;

  private static final class Terms {
    /** The highest term reported in this incarnation. */
    long live;
    /** The highest term ever made durable (survives restarts, not a wipe). */
    long durable;
    /** The highest term a message handed to this incarnation carried. */
    long seen;
    /** The highest term this incarnation started a real election for (journaled by the harness). */
    long campaign;
    /** The last role this incarnation reported. */
    String role = "FOLLOWER";
  }

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    wireRecorded |= event instanceof TermSeen || event instanceof VoteGranted || event instanceof AppendAcked
        || event instanceof HarnessEvent.VoteRequested;
    if (event instanceof TermSeen e) {
      terms(e.node()).seen = Math.max(terms(e.node()).seen, e.term());
    } else if (RoleChanges.role(event) != null) {
      String role = RoleChanges.role(event);
      rise(entry.node(), RoleChanges.term(event), role, "became " + role, sink);
      terms(entry.node()).role = role;
    } else if (event instanceof HardStateSynced e) {
      rise(e.node(), e.term(), reelection(e.node(), e.votedFor()), "made its hard state durable", sink);
      terms(e.node()).durable = Math.max(terms(e.node()).durable, e.term());
    } else if (event instanceof Voted e) {
      rise(e.node(), e.term(), reelection(e.node(), e.candidate()), "voted", sink);
      terms(e.node()).durable = Math.max(terms(e.node()).durable, e.term());
    } else if (event instanceof VoteGranted e) {
      sent(e.node(), e.term(), "sent a vote to " + e.candidate(), sink);
    } else if (event instanceof AppendAcked e) {
      sent(e.node(), e.term(), "acknowledged an append to " + e.leader(), sink);
    } else if (event instanceof Recovered e) {
      onRecovered(e, sink);
    } else if (event instanceof CampaignStarted e && !"PRE_VOTE_STARTED".equals(e.path())) {
      onCampaign(e, sink);
    } else if (event instanceof Wiped e) {
      terms(e.node()).durable = 0;
    }
  }

  /**
   * A candidate whose election timed out campaigns again one term up without changing role, so no role change
   * is journaled: its vote for itself, made while it is a candidate, is that election ("CANDIDATE"; else null).
   * A pre-candidate's vote for itself is not: it must first become a candidate.
   */
  private String reelection(int node, int votedFor) {
    return votedFor == node && "CANDIDATE".equals(terms(node).role) ? "CANDIDATE" : null;
  }

  private Terms terms(int node) {
    return nodes.computeIfAbsent(node, k -> new Terms());
  }

  private void onRecovered(Recovered e, ViolationSink sink) {
    Terms t = terms(e.node());
    if (e.term() < t.durable) {
      sink.report(SafetyProperty.TERM_MONOTONIC, List.of(e.node()), e.term(), 0, "node " + e.node()
          + " recovered term " + e.term() + " after it had made term " + t.durable + " durable");
    }
    t.live = e.term();
    t.durable = Math.max(t.durable, e.term());
    t.seen = 0;
    t.campaign = 0;
    t.role = "FOLLOWER";
  }

  /** An election the node started ({@code e.term()} is the term it campaigns in, not a pre-vote's). */
  private void onCampaign(CampaignStarted e, ViolationSink sink) {
    Terms t = terms(e.node());
    long base = Math.max(Math.max(t.live, t.seen), t.campaign);
    if (wireRecorded && e.term() > base + 1) {
      sink.report(SafetyProperty.TERM_MONOTONIC, List.of(e.node()), e.term(), 0, "node " + e.node()
          + " started an election (" + e.path() + ") in term " + e.term() + ", more than one above the highest "
          + "term it held, was told or campaigned for (" + base + ")");
    }
    t.campaign = Math.max(t.campaign, e.term());
  }

  /** A message of {@code term} leaves the node: a stale term is harmless, an unexplained higher one is not. */
  private void sent(int node, long term, String what, ViolationSink sink) {
    if (term > terms(node).live) {
      rise(node, term, null, what, sink);
    }
  }

  /** The node reports {@code term} (as {@code role}, or null when not a role change). */
  private void rise(int node, long term, String role, String what, ViolationSink sink) {
    Terms t = terms(node);
    if (term < t.live) {
      sink.report(SafetyProperty.TERM_MONOTONIC, List.of(node), term, 0,
          "node " + node + " " + what + " in term " + term + " after it had reached term " + t.live);
      return;
    }
    boolean election = "CANDIDATE".equals(role) && term <= Math.max(t.live, t.seen) + 1;
    if (wireRecorded && term > t.live && term > t.seen && term > t.campaign && !election) {
      String from = "PRE_CANDIDATE".equals(t.role) || "PRE_CANDIDATE".equals(role)
          ? " as a pre-candidate (a pre-vote must not raise the term)" : "";
      sink.report(SafetyProperty.TERM_MONOTONIC, List.of(node), term, 0, "node " + node + " " + what
          + " in term " + term + " up from term " + t.live + from + ", with no election of its own and no "
          + "message of that term (highest seen: " + t.seen + ")");
    }
    t.live = Math.max(t.live, term);
  }
}
