package io.tumbler.scenario.client;

import io.tumbler.lin.history.Operation;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.sim.kernel.Simulation;
import java.util.List;

/**
 * What all clients of one run share: the workload, the history, the cluster's addresses and the
 * switch that stops new operations when the run enters its final phase. Single-threaded, like the
 * simulation that owns it.
 */
public final class ClientShared {
  private final Simulation simulation;
  private final Workload workload;
  private final HistoryRecorder history;
  private final ClientConfig config;
  private final ForcedRetries forcedRetries;
  private final NodeDirectory nodes;
  /** The workload's membership side, or null: its membership commands go beyond the operation allowance. */
  private final io.tumbler.scenario.workload.MembershipAware membership;
  private final int clientCount;
  private long operationLimit;
  private long started;
  private long retries;
  private int inFlight;
  private boolean stopped;

  public ClientShared(Simulation simulation, Workload workload, HistoryRecorder history, ClientConfig config,
      NodeDirectory nodes, int clientCount, long operationLimit) {
    this.simulation = simulation;
    this.workload = workload;
    this.history = history;
    this.config = config;
    this.nodes = nodes;
    this.clientCount = clientCount;
    this.operationLimit = operationLimit;
    workload.begin(simulation.streams().stream("workload"));
    this.membership = workload.membershipAware().orElse(null);
    this.forcedRetries = workload.forcesRetries()
        ? ForcedRetries.drawn(simulation.streams().stream("client-retries")) : ForcedRetries.NONE;
  }

  Workload workload() {
    return workload;
  }

  HistoryRecorder history() {
    return history;
  }

  ClientConfig config() {
    return config;
  }

  /** This run's forced retries ({@link ForcedRetries#NONE} unless the workload asks for them). */
  public ForcedRetries forcedRetries() {
    return forcedRetries;
  }

  long trueNanos() {
    return simulation.nowNanos();
  }

  /** How many nodes clients may address now (the cluster's members as the harness knows them). */
  int nodeCount() {
    return nodes.members().length;
  }

  int clientCount() {
    return clientCount;
  }

  /** The network address of the {@code index}-th member (0-based, ascending ids). */
  int nodeProcess(int index) {
    return nodes.processOf(nodes.members()[index]);
  }

  /**
   * The network address of node {@code nodeId} named in a leader hint (a member the client may not have known of),
   * or -1 when no such node was ever started.
   */
  int processOfNode(int nodeId) {
    return nodes.processOf(nodeId);
  }

  /** The node id at network address {@code process}, or 0 when it is no node's. */
  int nodeAt(int process) {
    return nodes.nodeAt(process);
  }

  /** The member after the node at {@code nodeProcess} in ring order of ids (the first member, if it is gone). */
  int nextNodeProcess(int nodeProcess) {
    int id = nodes.nodeAt(nodeProcess);
    int[] members = nodes.members();
    for (int member : members) {
      if (member > id) {
        return nodes.processOf(member);
      }
    }
    return nodes.processOf(members[0]);
  }

  /**
   * Whether a client may invoke an operation now: not stopped, and within the allowance — or the workload has a
   * membership command ready (a host to register or retire must not wait for an allowance random operations used).
   */
  boolean acceptingNewOperations() {
    return !stopped && (started < operationLimit || membership != null && membership.hasMembershipWork());
  }

  void operationStarted() {
    started++;
    inFlight++;
  }

  void operationFinished() {
    inFlight--;
  }

  /** Lets clients invoke {@code extra} more operations (the liveness phase gets its own allowance). */
  public void allowMore(long extra) {
    operationLimit = started + extra;
  }

  boolean stopped() {
    return stopped;
  }

  /** Stops clients from starting new operations; those in flight run to completion. */
  public void stopNewOperations() {
    stopped = true;
  }

  /** Operations invoked and not yet completed. */
  public int inFlight() {
    return inFlight;
  }

  /** A client sent an operation again (after a timeout, a redirect or a refusal). */
  void retried() {
    retries++;
  }

  /** Attempts sent beyond the first of each operation, over every client. */
  public long retries() {
    return retries;
  }

  /** The client history so far, in order (a copy). */
  public List<Operation> historyOperations() {
    return history.operations();
  }

  /** Operations invoked so far. */
  public long started() {
    return started;
  }
}
