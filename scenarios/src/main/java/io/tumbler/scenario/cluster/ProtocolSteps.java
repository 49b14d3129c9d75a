package io.tumbler.scenario.cluster;

import io.tumbler.fault.ProtocolStep;
import io.tumbler.raft.AppendEntries;
import io.tumbler.raft.AppendResponse;
import io.tumbler.raft.InstallSnapshot;
import io.tumbler.raft.Message;
import io.tumbler.raft.RequestVote;
import io.tumbler.raft.TimeoutNow;
import io.tumbler.raft.VoteResponse;
import io.tumbler.raft.node.Observation;

/** Which {@link ProtocolStep} a node's observation or a delivered peer message is, reported to the triggers. */
final class ProtocolSteps {
  private ProtocolSteps() {}

  static void ofObservation(Observation o, StepTriggers triggers) {
    if (triggers.idle()) {
      return;
    }
    ProtocolStep step = null;
    if (o instanceof Observation.BecameLeader) {
      step = ProtocolStep.LEADER_ELECTED;
    } else if (o instanceof Observation.BecameCandidate) {
      step = ProtocolStep.CANDIDATE_STARTED;
    } else if (o instanceof Observation.BecamePreCandidate) {
      step = ProtocolStep.PRE_VOTE_STARTED;
    } else if (o instanceof Observation.Voted) {
      step = ProtocolStep.VOTE_PERSISTED;
    } else if (o instanceof Observation.EntriesAppended) {
      step = ProtocolStep.ENTRIES_PERSISTED;
    } else if (o instanceof Observation.CommitAdvanced) {
      step = ProtocolStep.COMMIT_ADVANCED;
    } else if (o instanceof Observation.SnapshotTaken) {
      step = ProtocolStep.SNAPSHOT_TAKEN;
    } else if (o instanceof Observation.ReadServed) {
      step = ProtocolStep.READ_SERVED;
    } else if (o instanceof Observation.ClientAcked) {
      step = ProtocolStep.CLIENT_ACKED;
    }
    if (step != null) {
      triggers.seen(step, o.node(), o.node());
    }
  }

  static void ofDelivery(int receiver, Message m, StepTriggers triggers) {
    if (triggers.idle()) {
      return;
    }
    ProtocolStep step = null;
    if (m instanceof RequestVote v && !v.preVote()) {
      step = ProtocolStep.VOTE_REQUEST_RECEIVED;
    } else if (m instanceof VoteResponse v && v.granted() && !v.preVote()) {
      step = ProtocolStep.VOTE_GRANT_RECEIVED;
    } else if (m instanceof AppendEntries a && !a.entries().isEmpty()) {
      step = ProtocolStep.APPEND_RECEIVED;
    } else if (m instanceof AppendResponse r && r.success()) {
      step = ProtocolStep.APPEND_ACK_RECEIVED;
    } else if (m instanceof InstallSnapshot) {
      step = ProtocolStep.SNAPSHOT_RECEIVED;
    } else if (m instanceof TimeoutNow) {
      step = ProtocolStep.TRANSFER_RECEIVED;
    }
    if (step != null) {
      triggers.seen(step, receiver, m.from());
    }
  }
}
