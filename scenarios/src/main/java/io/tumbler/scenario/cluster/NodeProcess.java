package io.tumbler.scenario.cluster;

import io.tumbler.raft.JitterSource;
import io.tumbler.raft.node.RaftNode;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.storage.CorruptLogException;
import io.tumbler.raft.storage.SegmentedLog;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.SimProcess;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.VmStateMachine;

/**
 * One incarnation of a cluster node: the production {@link RaftNode} and {@link VmStateMachine}, with the
 * production segmented log on the simulated disk, the production wire codec on the simulated network
 * and the ticker on the node's own simulated clock. A restart builds a fresh instance that recovers
 * from disk, exactly as the real server would.
 */
public final class NodeProcess implements SimProcess<Wire>, io.tumbler.sut.NodeView {
  private final SimCluster cluster;
  private final int nodeId;
  private ProcessContext<Wire> context;
  private RaftNode node;
  private VmStateMachine stateMachine;
  private RecordingStorage storage;
  /** Counts the ticks this incarnation is handed and reports its timer resets and campaigns to the journal. */
  private ElectionTimerWitness timer;
  /** The node recovered and runs (a node refusing a corrupt log never does). */
  private boolean started;

  NodeProcess(SimCluster cluster, int nodeId) {
    this.cluster = cluster;
    this.nodeId = nodeId;
  }

  @Override
  public void onStart(ProcessContext<Wire> ctx) {
    this.context = ctx;
    this.stateMachine = new VmStateMachine();
    this.storage = new RecordingStorage(new SegmentedLog(new SimStorageDirectory(ctx.disk()), 64 * 1024),
        cluster::syncFailed);
    RandomStream jitter = ctx.random().stream("jitter-" + ctx.incarnation());
    JitterSource jitterSource = jitter::nextInt;
    timer = cluster.electionTimerWitness(nodeId);
    node = RaftNode.builder()
        .config(cluster.raftConfig(nodeId))
        .jitter(jitterSource)
        .storage(storage)
        .transport(this::send)
        .stateMachine(cluster.stateMachineFor(nodeId, stateMachine))
        .ticker(timer.counting(
            new SimTicker(ctx, cluster.tickNanos(), Math.max(1, cluster.config().electionTimeoutTicks() - 1))))
        .observer(observation -> cluster.observe(this, observation))
        .onHalt(reason -> cluster.halted(nodeId, reason))
        .snapshotEveryEntries(cluster.snapshotEveryEntries())
        .faultPoints(cluster.faultPoints(nodeId))
        .hostIdentity(cluster.hostIdentity(nodeId), new JoinNonces(ctx.random(), ctx.incarnation()))
        .build();
    cluster.starting(this);
    try {
      node.start();
      started = true;
    } catch (CorruptLogException e) {
      // Detected corruption is the correct outcome: the node refuses to serve from a damaged log.
      cluster.halted(nodeId, "refused to start: " + e.getMessage());
    }
  }

  @Override
  public int nodeId() {
    return nodeId;
  }

  @Override
  public boolean isLeader() {
    return node.role() == io.tumbler.raft.Role.LEADER;
  }

  @Override
  public long term() {
    return node.status().term();
  }

  @Override
  public long appliedIndex() {
    return node.appliedIndex();
  }

  public RaftNode node() {
    return node;
  }

  @Override
  public VmStateMachine stateMachine() {
    return stateMachine;
  }

  /** True once the node recovered and runs (a node that refused a corrupt log never does). */
  boolean started() {
    return started;
  }

  ElectionTimerWitness timer() {
    return timer;
  }

  RecordingStorage storage() {
    return storage;
  }

  @Override
  public void onMessage(int from, Wire message) {
    if (message instanceof Wire.Peer peer) {
      if (started) {
        long term = node.status().term();
        cluster.wire().delivering(nodeId, term, peer.message());
        timer.delivering(peer.message(), term);
      }
      node.receive(peer.message());
      timer.delivered();
    } else if (message instanceof Wire.Request request) {
      serve(from, request);
    }
  }

  private void serve(int from, Wire.Request request) {
    switch (request.kind()) {
      case COMMAND -> node.submit(request.clientId(), request.sequence(), request.payload(),
          result -> context.send(from, reply(request, result)));
      case READ_LINEARIZABLE -> read(from, request, ReadMode.LINEARIZABLE);
      case READ_LEASE -> read(from, request, ReadMode.LEASE);
      case READ_LOCAL -> read(from, request, ReadMode.LOCAL);
    }
  }

  private void read(int from, Wire.Request request, ReadMode mode) {
    long arrivalNanos = cluster.simulation().nowNanos(); // true time, not the node's skewed clock
    node.read(mode, request.payload(), outcome -> {
      if (outcome instanceof ReadOutcome.Ok ok && mode != ReadMode.LOCAL) {
        cluster.wire().readAnswered(nodeId, mode, arrivalNanos, ok.appliedIndex());
      }
      context.send(from, reply(request, outcome));
    });
  }

  /** The node's transport: the harness sees every message the node sends (for the durability oracles). */
  private void send(io.tumbler.raft.Message message) {
    if (message instanceof io.tumbler.raft.JoinProof proof) {
      cluster.joinProofSent(proof);
    }
    cluster.wire().sending(message);
    context.send(cluster.processOf(message.to()), new Wire.Peer(message));
  }

  private static Wire.Reply reply(Wire.Request request, SubmitResult result) {
    if (result instanceof SubmitResult.Ok ok) {
      return new Wire.Reply(request.clientId(), request.sequence(), Wire.ReplyStatus.OK, 0, ok.result());
    }
    if (result instanceof SubmitResult.NotLeader notLeader) {
      return new Wire.Reply(request.clientId(), request.sequence(), Wire.ReplyStatus.NOT_LEADER,
          notLeader.leaderHint(), new byte[0]);
    }
    Wire.ReplyStatus status = result instanceof SubmitResult.Dropped ? Wire.ReplyStatus.REFUSED : Wire.ReplyStatus.UNKNOWN;
    return new Wire.Reply(request.clientId(), request.sequence(), status, 0, new byte[0]);
  }

  private static Wire.Reply reply(Wire.Request request, ReadOutcome outcome) {
    if (outcome instanceof ReadOutcome.Ok ok) {
      return new Wire.Reply(request.clientId(), request.sequence(), Wire.ReplyStatus.OK, 0, ok.result());
    }
    if (outcome instanceof ReadOutcome.NotLeader notLeader) {
      return new Wire.Reply(request.clientId(), request.sequence(), Wire.ReplyStatus.NOT_LEADER,
          notLeader.leaderHint(), new byte[0]);
    }
    // Unavailable: the read was not served; reads have no effect, so the client may retry anywhere.
    return new Wire.Reply(request.clientId(), request.sequence(), Wire.ReplyStatus.REFUSED, 0, new byte[0]);
  }

  @Override
  public void onCrash() {
    cluster.crashed(nodeId);
  }
}
