package io.tumbler.scenario.cluster;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.SimProcess;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.NodeView;
import io.tumbler.sut.SutNode;
import io.tumbler.sut.SutReply;
import io.tumbler.sut.SystemUnderTest;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.vm.VmStateMachine;
import java.util.List;

/**
 * The simulated process of one cluster node, whatever Raft runs on it: at every (re)start it gives the
 * {@link SystemUnderTest} a {@link NodeEnvironment} over this process (its clock, the simulated network, its disk,
 * its random stream, the journal), carries the node's peer messages (Tumbler's Raft messages as {@link Wire.Peer} in
 * the production codec, any other kind's as {@link Wire.Foreign}) and serves the client protocol
 * ({@link Wire.Request}) through {@link SutNode#submit} and {@link SutNode#read}, so every kind faces the same
 * clients, nemesis and checkers.
 */
final class SutProcess implements SimProcess<Wire>, NodeView {
  private final SimCluster cluster;
  private final int nodeId;
  private final SystemUnderTest system;
  private ProcessContext<Wire> context;
  private SutNode node;

  SutProcess(SimCluster cluster, int nodeId, SystemUnderTest system) {
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.system = system;
  }

  @Override
  public void onStart(ProcessContext<Wire> ctx) {
    this.context = ctx;
    cluster.startingSut(this);
    node = system.start(new Environment());
  }

  @Override
  public void onMessage(int from, Wire message) {
    if (message instanceof Wire.Peer peer) {
      node.deliver(cluster.nodeAtProcess(from), peer.message());
    } else if (message instanceof Wire.Foreign foreign) {
      node.deliver(cluster.nodeAtProcess(from), foreign.message());
    } else if (message instanceof Wire.Request request) {
      serve(from, request);
    }
  }

  private void serve(int from, Wire.Request request) {
    java.util.function.Consumer<SutReply> answer = reply -> {
      if (context.isAlive()) {
        context.send(from, toWire(request, reply));
      }
    };
    switch (request.kind()) {
      case COMMAND -> node.submit(request.clientId(), request.sequence(), request.payload(), answer);
      case READ_LINEARIZABLE -> node.read(ReadMode.LINEARIZABLE, request.payload(), answer);
      case READ_LEASE -> node.read(ReadMode.LEASE, request.payload(), answer);
      case READ_LOCAL -> node.read(ReadMode.LOCAL, request.payload(), answer);
    }
  }

  private static Wire.Reply toWire(Wire.Request request, SutReply reply) {
    long client = request.clientId();
    long sequence = request.sequence();
    if (reply instanceof SutReply.Ok ok) {
      return new Wire.Reply(client, sequence, Wire.ReplyStatus.OK, 0, ok.result());
    }
    if (reply instanceof SutReply.NotLeader notLeader) {
      return new Wire.Reply(client, sequence, Wire.ReplyStatus.NOT_LEADER, notLeader.leaderHint(), new byte[0]);
    }
    Wire.ReplyStatus status = reply instanceof SutReply.Refused ? Wire.ReplyStatus.REFUSED : Wire.ReplyStatus.UNKNOWN;
    return new Wire.Reply(client, sequence, status, 0, new byte[0]);
  }

  void transferLeadership(int target) {
    node.transferLeadership(target);
  }

  @Override
  public void onCrash() {
    cluster.crashed(nodeId);
  }

  @Override
  public int nodeId() {
    return nodeId;
  }

  @Override
  public boolean isLeader() {
    return node != null && node.isLeader();
  }

  @Override
  public long term() {
    return node == null ? 0 : node.term();
  }

  @Override
  public long appliedIndex() {
    return node == null ? 0 : node.appliedIndex();
  }

  @Override
  public VmStateMachine stateMachine() {
    return node.stateMachine();
  }

  @Override
  public String describe() {
    return node == null ? "" : node.describe();
  }

  /** The world of this incarnation; every call acts through this process's context. */
  private final class Environment implements NodeEnvironment {
    @Override
    public int nodeId() {
      return nodeId;
    }

    @Override
    public int incarnation() {
      return context.incarnation();
    }

    @Override
    public List<Integer> members() {
      return cluster.bootstrapMembers();
    }

    @Override
    public long trueNanos() {
      return cluster.simulation().nowNanos();
    }

    @Override
    public long localNanos() {
      return context.nowNanos();
    }

    @Override
    public long monotonicNanos() {
      return context.monotonicNanos();
    }

    @Override
    public Timer setTimer(long delayNanos, Runnable action) {
      return context.setMonotonicTimer(delayNanos, action::run);
    }

    @Override
    public void send(int peer, Object message) {
      Wire wire = message instanceof io.tumbler.raft.Message raft ? new Wire.Peer(raft) : new Wire.Foreign(message);
      context.send(cluster.processOf(peer), wire);
    }

    @Override
    public SimDisk disk() {
      return context.disk();
    }

    @Override
    public RandomStream random(String name) {
      return context.random().stream(name);
    }

    @Override
    public void journal(JournalEvent event) {
      cluster.journal(event);
    }

    @Override
    public void applied(VmStateMachine stateMachine, long index) {
      cluster.appliedBySut(nodeId, stateMachine, index);
    }

    @Override
    public void note(String note) {
      cluster.note(note);
    }

    @Override
    public void halt(String reason) {
      cluster.halted(nodeId, reason);
    }
  }
}
