package io.tumbler.sut.microraft;

import io.microraft.Ordered;
import io.microraft.QueryPolicy;
import io.microraft.RaftEndpoint;
import io.microraft.RaftNode;
import io.microraft.RaftRole;
import io.microraft.exception.CannotReplicateException;
import io.microraft.exception.IndeterminateStateException;
import io.microraft.exception.NotLeaderException;
import io.microraft.model.message.RaftMessage;
import io.microraft.report.RaftNodeReport;
import io.microraft.transport.Transport;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.sut.ClientFrames;
import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.SutNode;
import io.tumbler.vm.VmStateMachine;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One incarnation of a MicroRaft node: it serves the production client protocol's frames ({@link ClientFrames}),
 * client commands become {@code replicate}, reads {@code query} with the matching policy, and MicroRaft's outcomes
 * become the client protocol's ({@link SubmitResult}, {@link ReadOutcome}). Its role and term come
 * from MicroRaft's {@link RaftNodeReport}s and are journaled as the role observations Tumbler's node makes ({@link Observation.BecameLeader} and its
 * siblings: what the election
 * safety check and the election bound read).
 */
final class MicroRaftNode implements SutNode, ClientFrames.Service {
  private final int nodeId;
  private final NodeEnvironment env;
  private final SimExecutor executor;
  private final KvStateMachine stateMachine;
  private RaftNode raft;
  private RaftRole role = RaftRole.FOLLOWER;
  private String journaledRole = "";
  private long journaledTerm = -1;
  private RaftNodeReport lastReport;
  private boolean nullTargetNoted;

  MicroRaftNode(NodeEnvironment env, SimExecutor executor) {
    this.nodeId = env.nodeId();
    this.env = env;
    this.executor = executor;
    this.stateMachine = new KvStateMachine(this::applied);
  }

  private MicroRaftNode(int nodeId) {
    this.nodeId = nodeId;
    this.env = null;
    this.executor = null;
    this.stateMachine = new KvStateMachine(index -> {});
  }

  /** A node that refused to start (a damaged disk): it serves nothing until the harness crashes it. */
  static MicroRaftNode refusing(int nodeId) {
    return new MicroRaftNode(nodeId);
  }

  void start(RaftNode node) {
    this.raft = node;
    node.start();
  }

  KvStateMachine stateMachineAdapter() {
    return stateMachine;
  }

  Transport transport() {
    return new Transport() {
      @Override
      public void send(RaftEndpoint target, RaftMessage message) {
        if (!(target instanceof SimEndpoint to)) {
          // MicroRaft 0.7 does this: InstallSnapshotRequestHandler acknowledges a snapshot chunk to its leader
          // field while it is null (campaign seed 317). No node is named, so nothing can be sent; noted once.
          if (!nullTargetNoted) {
            nullTargetNoted = true;
            env.note("n" + nodeId + ": MicroRaft asked its transport to send " + message + " to endpoint " + target
                + " (no node); dropped, and any later such message of this incarnation too");
          }
          return;
        }
        executor.emit(() -> env.send(to.id(), message));
      }

      @Override
      public boolean isReachable(RaftEndpoint endpoint) {
        return true; // the simulated network decides what arrives
      }
    };
  }

  private void applied(long index) {
    env.applied(stateMachine.vm(), index);
  }

  private Observation roleObservation(String name, long term) {
    switch (name) {
      case "LEADER":
        return new Observation.BecameLeader(nodeId, term);
      case "CANDIDATE":
        return new Observation.BecameCandidate(nodeId, term);
      default:
        return new Observation.BecameFollower(nodeId, term, 0);
    }
  }

  void onReport(RaftNodeReport report) {
    lastReport = report;
    role = report.getRole();
    long term = report.getTerm().getTerm();
    String name = role == RaftRole.LEARNER ? "FOLLOWER" : role.name();
    if (!name.equals(journaledRole) || term != journaledTerm) {
      journaledRole = name;
      journaledTerm = term;
      // Journaled as output, once the syncs in flight complete: a term or vote whose sync fails or is lost in a
      // crash was never acted on outside the node, so the journal must not show it either.
      Observation observation = roleObservation(name, term);
      executor.emit(() -> env.journal(new JournalEntry.Stamped(env.trueNanos(), observation)));
    }
  }

  @Override
  public void deliver(int fromNode, Object message) {
    if (raft != null) {
      raft.handle((RaftMessage) message);
    }
  }

  @Override
  public void serve(byte[] requestFrame, Consumer<byte[]> answer) {
    ClientFrames.serve(this, requestFrame, answer);
  }

  @Override
  public void submit(long clientId, long sequence, byte[] command, Consumer<SubmitResult> reply) {
    if (raft == null) {
      return;
    }
    raft.<Object>replicate(new KvOperation.Command(clientId, sequence, command))
        .whenComplete((done, error) -> executor.emit(() -> reply.accept(commandReply(done, error))));
  }

  @Override
  public void read(ReadMode mode, byte[] query, Consumer<ReadOutcome> reply) {
    if (raft == null) {
      return;
    }
    QueryPolicy policy = switch (mode) {
      case LINEARIZABLE -> QueryPolicy.LINEARIZABLE;
      case LEASE -> QueryPolicy.LEADER_LEASE;
      case LOCAL -> QueryPolicy.EVENTUAL_CONSISTENCY;
    };
    raft.<Object>query(new KvOperation.Query(query), policy, Optional.empty(), Optional.empty())
        .whenComplete((done, error) -> executor.emit(() -> reply.accept(readReply(done, error))));
  }

  private static SubmitResult commandReply(Ordered<Object> done, Throwable error) {
    if (error == null) {
      return done.getResult() instanceof KvResult.Done d ? new SubmitResult.Ok(d.result(), done.getCommitIndex())
          : new SubmitResult.Unknown("superseded by a later command of the same client");
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof NotLeaderException notLeader) {
      return new SubmitResult.NotLeader(hint(notLeader.getLeader()));
    }
    if (cause instanceof CannotReplicateException) {
      return new SubmitResult.Dropped("MicroRaft cannot replicate now");
    }
    // IndeterminateStateException and anything else: it may have been appended, so it may still commit.
    return new SubmitResult.Unknown(cause instanceof IndeterminateStateException ? "indeterminate" : cause.toString());
  }

  private static ReadOutcome readReply(Ordered<Object> done, Throwable error) {
    if (error == null) {
      return new ReadOutcome.Ok(((KvResult.Done) done.getResult()).result(), done.getCommitIndex());
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof NotLeaderException notLeader) {
      return new ReadOutcome.NotLeader(hint(notLeader.getLeader()));
    }
    return new ReadOutcome.Unavailable("read not served: " + cause.getClass().getSimpleName());
  }

  private static int hint(RaftEndpoint leader) {
    return leader instanceof SimEndpoint e ? e.id() : 0;
  }

  @Override
  public void transferLeadership(int target) {
    if (raft != null && role == RaftRole.LEADER) {
      raft.transferLeadership(new SimEndpoint(target));
    }
  }

  /** MicroRaft's last report of this node (role, term, leader, log and snapshot indexes, status). */
  @Override
  public String describe() {
    if (lastReport == null) {
      return raft == null ? "refused to start" : "no report yet";
    }
    io.microraft.report.RaftLogStats log = lastReport.getLog();
    return String.format("%s %s term %d leader %s, commit %d, last log %d, snapshot %d, applied %d",
        lastReport.getStatus(), lastReport.getRole(), lastReport.getTerm().getTerm(),
        lastReport.getTerm().getLeaderEndpoint(), log.getCommitIndex(), log.getLastLogOrSnapshotIndex(),
        log.getLastSnapshotIndex(), stateMachine.appliedIndex()) + ", follower match " + log.getFollowerMatchIndices()
        + (preCandidate() ? ", holding a pre-candidate state" : "") + "; executor: " + executor.describe();
  }

  /**
   * Whether MicroRaft's state holds a pre-candidate state right now, read reflectively for diagnosis only (0.7 has no
   * API for it, and a follower whose pre-candidate state is never cleared stops watching its leader's heartbeats).
   */
  private boolean preCandidate() {
    try {
      java.lang.reflect.Method state = raft.getClass().getMethod("state");
      Object raftState = state.invoke(raft);
      return raftState.getClass().getMethod("preCandidateState").invoke(raftState) != null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public int nodeId() {
    return nodeId;
  }

  @Override
  public boolean isLeader() {
    return role == RaftRole.LEADER;
  }

  @Override
  public long term() {
    return raft == null ? 0 : raft.getTerm().getTerm();
  }

  @Override
  public long appliedIndex() {
    return stateMachine.appliedIndex();
  }

  @Override
  public VmStateMachine stateMachine() {
    return stateMachine.vm();
  }
}
