package io.tumbler.scenario.run;

import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.sut.NodeView;
import io.tumbler.scenario.cluster.SimCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * What "the cluster recovered" means once every fault is healed: every node is up, a leader exists and a
 * client operation completed {@code ok} after the heal. Whether every node then applies everything, with
 * equal state digests at equal applied indexes, is the convergence check, judged once the clients stop:
 * under continuing load a follower a few entries behind is normal (one-entry appends, a WAN), not a failure.
 */
final class LivenessProbe {
  private final SimCluster cluster;
  private final HistoryRecorder history;
  private final long healedAtNanos;

  LivenessProbe(SimCluster cluster, HistoryRecorder history, long healedAtNanos) {
    this.cluster = cluster;
    this.history = history;
    this.healedAtNanos = healedAtNanos;
  }

  /** Evaluated after every event of the liveness phase: the cheap questions first. */
  boolean satisfied() {
    return progressedSinceHeal() && allUp() && cluster.currentLeader() != 0;
  }

  private boolean allUp() {
    for (int id : cluster.nodes()) {
      if (cluster.live(id) == null) {
        return false;
      }
    }
    return true;
  }

  private boolean progressedSinceHeal() {
    return history.lastOkNanos() >= healedAtNanos;
  }

  /** Every node is up, and all have applied the same index with the same state digest. */
  boolean converged() {
    long applied = -1;
    long digest = 0;
    for (int id : cluster.nodes()) {
      NodeView p = cluster.live(id);
      if (p == null) {
        return false;
      }
      if (applied < 0) {
        applied = p.appliedIndex();
        digest = p.stateMachine().digest();
      } else if (p.appliedIndex() != applied || p.stateMachine().digest() != digest) {
        return false;
      }
    }
    return true;
  }

  /** The lowest applied index of any node (-1 if a node is down): it rises while replicas still catch up. */
  long slowestApplied() {
    long slowest = Long.MAX_VALUE;
    for (int id : cluster.nodes()) {
      NodeView p = cluster.live(id);
      if (p == null) {
        return -1;
      }
      slowest = Math.min(slowest, p.appliedIndex());
    }
    return slowest;
  }

  /** What keeps the cluster from having converged, in words (empty when it has). */
  List<String> divergence() {
    List<String> problems = new ArrayList<>();
    long applied = -1;
    long digest = 0;
    int first = 0;
    for (int id : cluster.nodes()) {
      NodeView p = cluster.live(id);
      if (p == null) {
        problems.add("n" + id + " is down");
        continue;
      }
      long a = p.appliedIndex();
      long d = p.stateMachine().digest();
      if (applied < 0) {
        applied = a;
        digest = d;
        first = id;
      } else if (a != applied) {
        problems.add("n" + id + " applied " + a + " but n" + first + " applied " + applied);
      } else if (d != digest) {
        problems.add(String.format("n%d and n%d applied %d with digests %016x and %016x", id, first, a, d, digest));
      }
    }
    if (!problems.isEmpty()) {
      for (int id : cluster.nodes()) {
        NodeView p = cluster.live(id);
        if (p != null && !p.describe().isEmpty()) {
          problems.add("n" + id + " says: " + p.describe());
        }
      }
    }
    return problems;
  }

  List<String> problems(long budgetMillis) {
    List<String> out = new ArrayList<>();
    if (cluster.currentLeader() == 0) {
      out.add("no leader within " + budgetMillis + " ms after healing");
    }
    if (!progressedSinceHeal()) {
      out.add("no client operation completed within " + budgetMillis + " ms after healing");
    }
    for (int id : cluster.nodes()) {
      if (cluster.live(id) == null) {
        out.add("n" + id + " is down " + budgetMillis + " ms after healing");
      }
    }
    return out;
  }
}
