package io.tumbler.scenario.journal;

import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEvent.EntryId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one node's observations into journal events, stamping the simulator's true time and filling in
 * what the checkers need that the node reports elsewhere (an acknowledgement's term and digest come from
 * the node's own {@code Applied} observation of that index). One translator per node incarnation.
 */
public final class ObservationTranslator {

  /** The journal events for {@code observation}, possibly none. */
  public List<JournalEvent> translate(long timeNanos, Observation observation) {
    List<JournalEvent> out = new ArrayList<>(1);
    int node = observation.node();
    if (observation instanceof Observation.BecameFollower o) {
      out.add(new JournalEvent.RoleChanged(timeNanos, node, "FOLLOWER", o.term()));
    } else if (observation instanceof Observation.BecamePreCandidate o) {
      out.add(new JournalEvent.RoleChanged(timeNanos, node, "PRE_CANDIDATE", o.term()));
    } else if (observation instanceof Observation.BecameCandidate o) {
      out.add(new JournalEvent.RoleChanged(timeNanos, node, "CANDIDATE", o.term()));
    } else if (observation instanceof Observation.BecameLeader o) {
      out.add(new JournalEvent.RoleChanged(timeNanos, node, "LEADER", o.term()));
    } else if (observation instanceof Observation.Voted o) {
      out.add(new JournalEvent.Voted(timeNanos, node, o.term(), o.candidate()));
    } else if (observation instanceof Observation.HardStateSynced o) {
      out.add(new JournalEvent.HardStateSynced(timeNanos, node, o.term(), o.votedFor(), o.commitIndex()));
    } else if (observation instanceof Observation.EntriesTruncated o) {
      out.add(new JournalEvent.EntriesTruncated(timeNanos, node, o.fromIndex()));
    } else if (observation instanceof Observation.EntriesAppended o) {
      translateAppend(timeNanos, o, out);
    } else if (observation instanceof Observation.CommitAdvanced o) {
      out.add(new JournalEvent.CommitAdvanced(timeNanos, node, o.index()));
    } else {
      translateApplyAndRead(timeNanos, observation, out);
    }
    return out;
  }

  private static void translateAppend(long timeNanos, Observation.EntriesAppended o, List<JournalEvent> out) {
    if (o.entries().isEmpty()) {
      return;
    }
    List<EntryId> ids = new ArrayList<>(o.entries().size());
    for (Observation.EntryRef ref : o.entries()) {
      ids.add(new EntryId(ref.term(), ref.digest()));
    }
    out.add(new JournalEvent.EntriesAppended(timeNanos, o.node(), o.entries().get(0).index(), ids));
  }

  private void translateApplyAndRead(long timeNanos, Observation observation, List<JournalEvent> out) {
    int node = observation.node();
    if (observation instanceof Observation.Applied o) {
      out.add(new JournalEvent.Applied(timeNanos, node, o.index(), o.term(), o.entryDigest(), o.stateDigest()));
    } else if (observation instanceof Observation.LogReplacedBySnapshot o) {
      out.add(new JournalEvent.LogReplacedBySnapshot(timeNanos, node, o.index(), o.term()));
    } else if (observation instanceof Observation.SnapshotInstalled o) {
      out.add(new JournalEvent.SnapshotInstalled(timeNanos, node, o.index(), o.term(), o.stateDigest()));
    } else if (observation instanceof Observation.SnapshotRejected o) {
      out.add(new JournalEvent.SnapshotRejected(timeNanos, node, o.index(), o.expected(), o.actual()));
    } else if (observation instanceof Observation.ReadServed o) {
      out.add(new JournalEvent.ReadServed(timeNanos, node, o.mode().name(), o.readIndex()));
    } else if (observation instanceof Observation.ClientAcked o) {
      out.add(new JournalEvent.ClientAcked(timeNanos, node, o.clientId(), o.sequence(), o.index(), o.term(),
          o.entryDigest()));
    } else if (observation instanceof Observation.ConfigurationChanged o) {
      out.add(new JournalEvent.ConfigurationChanged(timeNanos, node, o.index(), o.configuration().voters(),
          o.configuration().learners()));
    }
    translateJoin(timeNanos, observation, out);
    // SnapshotTaken and Halted carry nothing the safety checks need; the trace keeps them.
  }

  private static void translateJoin(long timeNanos, Observation observation, List<JournalEvent> out) {
    if (observation instanceof Observation.JoinAdmitted o) {
      out.add(new JournalEvent.JoinAdmitted(timeNanos, o.node(), o.joiner(), o.hostId(), o.incarnation(), o.nonce()));
    } else if (observation instanceof Observation.JoinRejected o) {
      out.add(new JournalEvent.JoinRejected(timeNanos, o.node(), o.joiner(), o.hostId(), o.incarnation(),
          o.reason().name()));
    }
  }
}
