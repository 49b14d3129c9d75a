package io.tumbler.scenario.cluster;

import io.tumbler.raft.AppendEntries;
import io.tumbler.raft.Heartbeat;
import io.tumbler.raft.InstallSnapshot;
import io.tumbler.raft.Message;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.Ticker;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the harness knows about one node incarnation's election timer, for the election-timer oracle: it counts
 * the ticks it delivers (catch-up bursts included) without asking the node, remembers the latest event that
 * Figure 2 says resets the timer (a real vote granted, a message accepted from the leader of the node's term),
 * and when the node starts a campaign journals that reset and the campaign with the tick counts of both
 * ({@link HarnessEvent.ElectionTimerReset}, {@link HarnessEvent.CampaignStarted}). Heartbeats arrive every few
 * ticks, so resets are held here and only the one that precedes a campaign reaches the journal.
 *
 * <p>Nothing here schedules an event or touches the node: the simulation, and so the fingerprint, is unchanged.
 */
final class ElectionTimerWitness {

  private final int nodeId;
  private final int electionTimeoutTicks;
  private final LongSupplier nowNanos;
  private final Consumer<JournalEntry> journalSink;
  private long deliveredTicks;
  /** The node is being handed a tick right now. */
  private boolean ticking;
  /** The peer message the node is being handed right now, or null. */
  private Message handing;
  /**
   * The latest reset not yet journaled, or null (none since the last campaign of this incarnation). Leader
   * messages are the common case (every heartbeat), so they are held as fields and made an event only when
   * a campaign needs them.
   */
  private HarnessEvent.ElectionTimerReset pendingReset;
  private Message pendingLeaderMessage;
  private long pendingLeaderTicks;
  private long pendingLeaderNanos;

  ElectionTimerWitness(int nodeId, int electionTimeoutTicks, LongSupplier nowNanos,
      Consumer<JournalEntry> journalSink) {
    this.nodeId = nodeId;
    this.electionTimeoutTicks = electionTimeoutTicks;
    this.nowNanos = nowNanos;
    this.journalSink = journalSink;
  }

  /** {@code ticker}, with every tick it delivers to the node counted here first. */
  Ticker counting(Ticker ticker) {
    return new Ticker() {
      @Override
      public void start(Runnable onTick) {
        ticker.start(() -> tick(onTick));
      }

      @Override
      public void stop() {
        ticker.stop();
      }

      @Override
      public void catchUp() {
        ticker.catchUp();
      }
    };
  }

  private void tick(Runnable onTick) {
    deliveredTicks++;
    boolean outer = ticking;
    ticking = true;
    try {
      onTick.run();
    } finally {
      ticking = outer;
    }
  }

  /**
   * A peer message about to be handed to the node, whose term is {@code nodeTerm}. An append, heartbeat or
   * snapshot of a term at least the node's own comes from the leader of the term the node will be in, so
   * Figure 2 says it resets the timer; an older one is refused. Call {@link #delivered} once it was handed.
   */
  void delivering(Message message, long nodeTerm) {
    handing = message;
    boolean fromLeader = message instanceof AppendEntries || message instanceof Heartbeat
        || message instanceof InstallSnapshot;
    if (fromLeader && message.term() >= nodeTerm) {
      pendingReset = null;
      pendingLeaderMessage = message;
      pendingLeaderTicks = deliveredTicks;
      pendingLeaderNanos = nowNanos.getAsLong();
    }
  }

  void delivered() {
    handing = null;
  }

  /** A protocol path the node reports the moment it takes it: a granted vote, or the start of a campaign. */
  void pathTaken(Observation.PathTaken taken) {
    ProtocolPath path = taken.path();
    if (path == ProtocolPath.VOTE_GRANTED) {
      pendingLeaderMessage = null;
      pendingReset = new HarnessEvent.ElectionTimerReset(nowNanos.getAsLong(), nodeId, taken.term(), "VOTE_GRANTED",
          taken.peer(), deliveredTicks);
    } else if (path == ProtocolPath.PRE_VOTE_STARTED || path == ProtocolPath.ELECTION_ON_TIMEOUT
        || path == ProtocolPath.ELECTION_ON_TRANSFER || path == ProtocolPath.ELECTION_AFTER_PRE_VOTE) {
      journalPendingReset();
      long campaignTerm = path == ProtocolPath.PRE_VOTE_STARTED ? taken.term() + 1 : taken.term();
      journalSink.accept(new HarnessEvent.CampaignStarted(nowNanos.getAsLong(), nodeId, campaignTerm, path.name(),
          trigger(), deliveredTicks, electionTimeoutTicks));
    }
  }

  private void journalPendingReset() {
    if (pendingLeaderMessage != null) {
      Message m = pendingLeaderMessage;
      pendingReset = new HarnessEvent.ElectionTimerReset(pendingLeaderNanos, nodeId, m.term(), "LEADER_MESSAGE",
          m.from(), pendingLeaderTicks);
      pendingLeaderMessage = null;
    }
    if (pendingReset != null) {
      journalSink.accept(pendingReset);
      pendingReset = null;
    }
  }

  /** What the node is being handed: TICK, the simple name of a peer message type (TimeoutNow...), or NONE. */
  private String trigger() {
    if (ticking) {
      return "TICK";
    }
    return handing == null ? "NONE" : handing.getClass().getSimpleName();
  }
}
