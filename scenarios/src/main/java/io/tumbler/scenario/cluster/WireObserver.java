package io.tumbler.scenario.cluster;

import io.tumbler.raft.AppendResponse;
import io.tumbler.raft.Message;
import io.tumbler.raft.RequestVote;
import io.tumbler.raft.TimeoutNow;
import io.tumbler.raft.VoteResponse;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.sim.kernel.Simulation;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the harness sees on the simulated wire, beside what the nodes observe themselves: higher terms and
 * real vote requests handed to a node, the grants and acknowledgements it sends, the reads it answers (with
 * when they arrived, and for a ReadIndex read the followers whose answers to a heartbeat round sent since
 * confirmed it: {@link ReadRounds}). They go to the journal, where the wire oracles of the safety checker judge them
 * against the nodes' durable state; message deliveries are also protocol steps for the armed triggers.
 * Messages are decoded by their record type, never from text. Nothing here schedules an event: observing the
 * wire leaves the simulation, and so the fingerprint, as it is.
 */
final class WireObserver {
  private final Simulation simulation;
  private final Consumer<JournalEntry> journalSink;
  private final StepTriggers triggers;
  private final ReadRounds readRounds = new ReadRounds();

  WireObserver(Simulation simulation, Consumer<JournalEntry> journalSink, StepTriggers triggers) {
    this.simulation = simulation;
    this.journalSink = journalSink;
    this.triggers = triggers;
  }

  /**
   * A message about to reach node {@code nodeId}, whose term is {@code nodeTerm}: a higher term the node may
   * adopt is journaled ({@link HarnessEvent.TermSeen}), and so is a real vote request, with the candidate's
   * last entry ({@link HarnessEvent.VoteRequested}). Pre-vote requests and granted pre-vote answers carry a
   * term nobody holds yet; they justify no term change. The delivery is also a protocol step an armed
   * trigger may be waiting for ({@link ProtocolSteps}).
   */
  void delivering(int nodeId, long nodeTerm, Message message) {
    ProtocolSteps.ofDelivery(nodeId, message, triggers);
    readRounds.delivering(nodeId, message);
    long now = simulation.nowNanos();
    boolean preVoteTerm = message instanceof RequestVote rv && rv.preVote()
        || message instanceof VoteResponse vr && vr.preVote() && vr.granted();
    if (message.term() > nodeTerm && !preVoteTerm) {
      journalSink.accept(new HarnessEvent.TermSeen(now, nodeId, message.from(), message.term()));
    }
    if (message instanceof RequestVote rv && !rv.preVote()) {
      journalSink.accept(new HarnessEvent.VoteRequested(now, nodeId, rv.from(), rv.term(), rv.lastLogIndex(),
          rv.lastLogTerm(), rv.transfer()));
    }
  }

  /** A message a node sends: granted votes, successful append acknowledgements and TimeoutNow are journaled. */
  void sending(Message message) {
    readRounds.sending(message, simulation.nowNanos());
    if (message instanceof VoteResponse vr && vr.granted() && !vr.preVote()) {
      journalSink.accept(new HarnessEvent.VoteGranted(simulation.nowNanos(), vr.from(), vr.to(), vr.term()));
    } else if (message instanceof AppendResponse ar && ar.success()) {
      journalSink.accept(new HarnessEvent.AppendAcked(simulation.nowNanos(), ar.from(), ar.to(), ar.term(),
          ar.index()));
    } else if (message instanceof TimeoutNow t) {
      journalSink.accept(new HarnessEvent.TransferSent(simulation.nowNanos(), t.from(), t.to(), t.term()));
    }
  }

  /** A linearizable or lease read that reached {@code nodeId} at {@code arrivalNanos} was answered. */
  void readAnswered(int nodeId, io.tumbler.raft.node.ReadMode mode, long arrivalNanos, long appliedIndex) {
    List<Integer> confirmedBy = mode == io.tumbler.raft.node.ReadMode.LINEARIZABLE
        ? readRounds.confirmedSince(nodeId, arrivalNanos) : null;
    journalSink.accept(new HarnessEvent.ReadAnswered(simulation.nowNanos(), nodeId, mode.name(), arrivalNanos,
        appliedIndex, confirmedBy));
  }
}
