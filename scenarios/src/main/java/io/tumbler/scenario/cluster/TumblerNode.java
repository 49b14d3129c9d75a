package io.tumbler.scenario.cluster;

import io.tumbler.raft.JitterSource;
import io.tumbler.raft.node.RaftNode;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.raft.runtime.ClientRequest;
import io.tumbler.raft.runtime.ClientRequestHandler;
import io.tumbler.raft.storage.CorruptLogException;
import io.tumbler.raft.storage.SegmentedLog;
import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.SutNode;
import io.tumbler.vm.VmStateMachine;
import java.util.function.Consumer;

/**
 * One incarnation of a node of Tumbler's own Raft ({@link TumblerSut}): the production {@link RaftNode} and
 * {@link VmStateMachine}, with the production segmented log on the simulated disk, its messages in the production
 * wire codec on the simulated network, clients served by the production server's {@link ClientRequestHandler} and
 * the ticker on the node's own simulated clock. A restart builds a fresh instance that recovers from disk, exactly
 * as the real server would.
 *
 * <p>Beyond the generic seam it reports to its cluster what only Tumbler's Raft exposes: the observations
 * {@link RaftNode} emits from inside (the journal and the online checkers), the messages it sends and receives (the
 * wire oracles and the step triggers), its election timer, its join proofs (the handshake nemesis), and the known
 * bugs, fault points and host identity it is built with.
 */
public final class TumblerNode implements SutNode {
  private final SimCluster cluster;
  private final NodeEnvironment env;
  private final int nodeId;
  private final RaftNode node;
  /** The production server's client-protocol handler, on this node. */
  private final ClientRequestHandler requests;
  private final VmStateMachine stateMachine = new VmStateMachine();
  private final RecordingStorage storage;
  /** Counts the ticks this incarnation is handed and reports its timer resets and campaigns to the journal. */
  private final ElectionTimerWitness timer;
  /** The node recovered and runs (a node refusing a corrupt log never does). */
  private boolean started;

  TumblerNode(SimCluster cluster, NodeEnvironment env) {
    this.cluster = cluster;
    this.env = env;
    this.nodeId = env.nodeId();
    this.storage = new RecordingStorage(new SegmentedLog(new SimStorageDirectory(env.disk()), 64 * 1024),
        cluster::syncFailed);
    JitterSource jitterSource = env.random("jitter-" + env.incarnation())::nextInt;
    timer = cluster.electionTimerWitness(nodeId);
    node = RaftNode.builder()
        .config(cluster.raftConfig(nodeId))
        .jitter(jitterSource)
        .storage(storage)
        .transport(this::send)
        .stateMachine(cluster.stateMachineFor(nodeId, stateMachine))
        .ticker(timer.counting(
            new SimTicker(env, cluster.tickNanos(), Math.max(1, cluster.config().electionTimeoutTicks() - 1))))
        .observer(observation -> cluster.observe(this, observation))
        .onHalt(env::halt)
        .snapshotEveryEntries(cluster.snapshotEveryEntries())
        .faultPoints(cluster.faultPoints(nodeId))
        .hostIdentity(cluster.hostIdentity(nodeId), new JoinNonces(env::random, env.incarnation()))
        .build();
    requests = new ClientRequestHandler(node);
  }

  /** Recovers from disk and starts; a corrupt log is refused (the node halts and serves nothing). */
  TumblerNode start() {
    cluster.starting(this);
    try {
      node.start();
      started = true;
    } catch (CorruptLogException e) {
      // Detected corruption is the correct outcome: the node refuses to serve from a damaged log.
      env.halt("refused to start: " + e.getMessage());
    }
    return this;
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

  /** A Raft message from a peer: the wire oracles and the election timer see it before the node does. */
  @Override
  public void deliver(int fromNode, Object message) {
    io.tumbler.raft.Message raft = (io.tumbler.raft.Message) message;
    if (started) {
      long term = node.status().term();
      cluster.wire().delivering(nodeId, term, raft);
      timer.delivering(raft, term);
    }
    node.receive(raft);
    timer.delivered();
  }

  /**
   * A client-protocol request, served by the {@link ClientRequestHandler} the production server runs. A linearizable
   * or lease read that is answered is also reported to the wire oracles, with when it arrived and the index it was
   * served at (read from the response frame, as a tap on the connection would).
   */
  @Override
  public void serve(byte[] requestFrame, Consumer<byte[]> answer) {
    ClientRequest request;
    try {
      request = ClientProtocol.decodeRequest(requestFrame);
    } catch (IllegalArgumentException e) {
      requests.serve(requestFrame, answer); // answers with the protocol's "unavailable" frame naming the problem
      return;
    }
    if (request instanceof ClientRequest.Read read && read.mode() != ReadMode.LOCAL) {
      long arrivalNanos = env.trueNanos(); // true time, not the node's skewed clock
      requests.serve(request, response -> {
        if (ClientProtocol.decodeReadOutcome(response) instanceof ReadOutcome.Ok ok) {
          cluster.wire().readAnswered(nodeId, read.mode(), arrivalNanos, ok.appliedIndex());
        }
        answer.accept(response);
      });
    } else {
      requests.serve(request, answer);
    }
  }

  @Override
  public void transferLeadership(int target) {
    node.transferLeadership(target);
  }

  /** The node's transport: the harness sees every message the node sends (for the durability oracles). */
  private void send(io.tumbler.raft.Message message) {
    if (message instanceof io.tumbler.raft.JoinProof proof) {
      cluster.joinProofSent(proof);
    }
    cluster.wire().sending(message);
    env.send(message.to(), message);
  }
}
