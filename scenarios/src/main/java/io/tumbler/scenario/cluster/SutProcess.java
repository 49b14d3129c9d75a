package io.tumbler.scenario.cluster;

import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.wire.Wire;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.SimProcess;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.NodeView;
import io.tumbler.sut.SutNode;
import io.tumbler.sut.SystemUnderTest;
import io.tumbler.vm.VmStateMachine;
import java.util.List;

/**
 * The simulated process of one cluster node, whatever Raft runs on it: at every (re)start it gives the
 * {@link SystemUnderTest} a {@link NodeEnvironment} over this process (its clock, the simulated network, its disk,
 * its random stream, the journal), carries the node's peer messages (Tumbler's Raft messages as {@link Wire.Peer} in
 * the production codec, any other kind's as {@link Wire.Foreign}) and hands it the production client protocol's
 * frames ({@link Wire.Call}) to serve ({@link SutNode#serve}), so every kind faces the same clients, nemesis and
 * checkers.
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
    } else if (message instanceof Wire.Call call) {
      node.serve(call.frame(), response -> {
        if (context.isAlive()) {
          context.send(from, new Wire.Answer(call.caller(), call.call(), response));
        }
      });
    }
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
    public void journal(JournalEntry event) {
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
