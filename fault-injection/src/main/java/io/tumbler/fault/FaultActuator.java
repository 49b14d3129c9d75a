package io.tumbler.fault;

/**
 * What a cluster harness offers so that faults can be applied to it. The harness implements this over
 * the simulator; {@link FaultApplier} maps each {@link Fault} onto these calls, resolving run-time
 * targets (the leader) from {@link #currentLeader()}.
 */
public interface FaultActuator {
  /** The node ids of the cluster, ascending. */
  int[] nodes();

  /** The node that most recently became leader in the highest term and is still up, or 0. */
  int currentLeader();

  /** Node groups that can talk among themselves only; a node in no group is isolated. */
  void partition(int[][] groups);

  void blockOneWay(int from, int to);

  /** Full connectivity and default link behaviour. */
  void healNetwork();

  void setLoss(double rate);

  void setDuplication(double rate);

  void setDelay(long minMicros, long maxMicros);

  void clog(int node);

  void unclog(int node);

  /** Holds messages on the directed link {@code from -> to} (not dropped) until the network heals. */
  void clogLink(int from, int to);

  /** Crash-stop; {@code tornWrite} tears the last unsynced write instead of dropping it whole. */
  void crash(int node, boolean tornWrite);

  /** Restarts a crashed node from its disk (no-op if it is up). */
  void restart(int node);

  void pause(int node, long durationNanos);

  /** Crashes the node and clears its disk. */
  void wipe(int node);

  void setClock(int node, long offsetNanos, long driftPpm);

  /** Sets a node's clock drift from now on, keeping its local time continuous (no jump). */
  void setDrift(int node, long driftPpm);

  void jumpClock(int node, long deltaNanos);

  void flipBit(int node);

  void failNextSync(int node);

  /** Restarts every crashed node and resets every clock to true time. */
  void healProcesses();

  /** Arms an event-triggered fault (see {@link Fault.OnStep}); the harness watches for its step. */
  void arm(Fault.OnStep trigger);

  /** Disarms every armed trigger. */
  void disarmAll();

  /** Asks node {@code leader} (the current leader) to transfer leadership to {@code to}. */
  void transferLeadership(int leader, int to);

  /**
   * Starts a new node process under the next unused id and has the leader add it as a learner, then promote it
   * once caught up (retrying while there is no leader or it refuses); returns the new id.
   */
  int addNode();

  /**
   * Has the leader remove {@code node} (retrying as for {@link #addNode}); the process stops once its removal
   * commits. False, and nothing done, when {@code node} is no member (never added, or already removed).
   */
  boolean removeNode(int node);

  /**
   * {@link #removeNode}, then once the removal commits wipes its disk and adds a new node under a new id; returns
   * that id, or 0 (nothing done) when {@code node} is no member. The new id is taken even then, so that ids follow
   * the order of {@link Fault.AddNode} and {@link Fault.ReplaceNode} faults in a schedule.
   */
  int replaceNode(int node);

  /**
   * Starts a new host under the next unused id that joins through the rejoin handshake; returns its id. An
   * actuator without the handshake refuses with {@link UnsupportedOperationException}.
   */
  default int joinNode() {
    throw new UnsupportedOperationException("this cluster has no rejoin handshake");
  }

  /**
   * Wipes {@code node} for good and brings its host back through the handshake under its next incarnation, as the
   * next unused id, removing the old id; returns the new id, or 0 (the id still taken) when {@code node} is no member.
   */
  default int rejoin(int node) {
    throw new UnsupportedOperationException("this cluster has no rejoin handshake");
  }

  /** Starts a host with a wrong secret under the next unused id, trying to join; returns its id. */
  default int joinWithBadSecret() {
    throw new UnsupportedOperationException("this cluster has no rejoin handshake");
  }

  /** Resends the latest captured join proof to the current leader; false when there is none or no leader. */
  default boolean replayHandshake() {
    throw new UnsupportedOperationException("this cluster has no rejoin handshake");
  }
}
