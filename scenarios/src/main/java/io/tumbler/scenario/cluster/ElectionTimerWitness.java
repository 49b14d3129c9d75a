package io.tumbler.scenario.cluster;

import io.tumbler.raft.AppendEntries;
import io.tumbler.raft.Heartbeat;
import io.tumbler.raft.InstallSnapshot;
import io.tumbler.raft.Message;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.Ticker;
import io.tumbler.scenario.journal.JournalEvent;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What the harness knows about one node incarnation's election timer, for the election-timer oracle: it counts
 * the ticks it delivers (catch-up bursts included) without asking the node, remembers the latest event that
 * Figure 2 says resets the timer (a real vote granted, a message accepted from the leader of the node's term),
 * and when the node starts a campaign journals that reset and the campaign with the tick counts of both
 * ({@link JournalEvent.ElectionTimerReset}, {@link JournalEvent.CampaignStarted}). Heartbeats arrive every few
 * ticks, so resets are held here and only the one that precedes a campaign reaches the journal.
 *
 * <p>Nothing here schedules an event or touches the node: the simulation, and so the fingerprint, is unchanged.
 */
final class ElectionTimerWitness {
  private static final String NO_TRIGGER = "NONE";
  private static final String TICK = "TICK";

  private final int nodeId;
  private final int electionTimeoutTicks;
  private final LongSupplier nowNanos;
  private final Consumer<JournalEvent> journalSink;
  private long deliveredTicks;
  /** What the node is being handed right now: TICK, a peer message type, or NONE. */
  private String trigger = NO_TRIGGER;
  /** The latest reset not yet journaled, or null (none since the last campaign of this incarnation). */
  private JournalEvent.ElectionTimerReset pendingReset;

  ElectionTimerWitness(int nodeId, int electionTimeoutTicks, LongSupplier nowNanos,
      Consumer<JournalEvent> journalSink) {
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
    String outer = trigger;
    trigger = TICK;
    try {
      onTick.run();
    } finally {
      trigger = outer;
    }
  }

  /**
   * A peer message about to be handed to the node, whose term is {@code nodeTerm}. An append, heartbeat or
   * snapshot of a term at least the node's own comes from the leader of the term the node will be in, so
   * Figure 2 says it resets the timer; an older one is refused. Call {@link #delivered} once it was handed.
   */
  void delivering(Message message, long nodeTerm) {
    trigger = message.getClass().getSimpleName();
    boolean fromLeader = message instanceof AppendEntries || message instanceof Heartbeat
        || message instanceof InstallSnapshot;
    if (fromLeader && message.term() >= nodeTerm) {
      pendingReset = reset(message.term(), "LEADER_MESSAGE", message.from());
    }
  }

  void delivered() {
    trigger = NO_TRIGGER;
  }

  /** A protocol path the node reports the moment it takes it: a granted vote, or the start of a campaign. */
  void pathTaken(Observation.PathTaken taken) {
    ProtocolPath path = taken.path();
    if (path == ProtocolPath.VOTE_GRANTED) {
      pendingReset = reset(taken.term(), "VOTE_GRANTED", taken.peer());
    } else if (path == ProtocolPath.PRE_VOTE_STARTED || path == ProtocolPath.ELECTION_ON_TIMEOUT
        || path == ProtocolPath.ELECTION_ON_TRANSFER || path == ProtocolPath.ELECTION_AFTER_PRE_VOTE) {
      if (pendingReset != null) {
        journalSink.accept(pendingReset);
        pendingReset = null;
      }
      long campaignTerm = path == ProtocolPath.PRE_VOTE_STARTED ? taken.term() + 1 : taken.term();
      journalSink.accept(new JournalEvent.CampaignStarted(nowNanos.getAsLong(), nodeId, campaignTerm, path.name(),
          trigger, deliveredTicks, electionTimeoutTicks));
    }
  }

  private JournalEvent.ElectionTimerReset reset(long term, String cause, int peer) {
    return new JournalEvent.ElectionTimerReset(nowNanos.getAsLong(), nodeId, term, cause, peer, deliveredTicks);
  }
}
