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
  private final int firstNodeProcess;
  private final int nodeCount;
  private final int clientCount;
  private long operationLimit;
  private long started;
  private long retries;
  private int inFlight;
  private boolean stopped;

  public ClientShared(Simulation simulation, Workload workload, HistoryRecorder history, ClientConfig config,
      int firstNodeProcess, int nodeCount, int clientCount, long operationLimit) {
    this.simulation = simulation;
    this.workload = workload;
    this.history = history;
    this.config = config;
    this.firstNodeProcess = firstNodeProcess;
    this.nodeCount = nodeCount;
    this.clientCount = clientCount;
    this.operationLimit = operationLimit;
    workload.begin(simulation.streams().stream("workload"));
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

  int nodeCount() {
    return nodeCount;
  }

  int clientCount() {
    return clientCount;
  }

  /** The network address of node index {@code index} (0-based). */
  int nodeProcess(int index) {
    return firstNodeProcess + index;
  }

  int nodeIndexOf(int nodeProcess) {
    return nodeProcess - firstNodeProcess;
  }

  boolean acceptingNewOperations() {
    return !stopped && started < operationLimit;
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
