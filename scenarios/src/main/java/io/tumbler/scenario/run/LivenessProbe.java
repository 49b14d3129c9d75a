package io.tumbler.scenario.run;

import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.scenario.cluster.NodeProcess;
import io.tumbler.scenario.cluster.SimCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * What "the cluster recovered" means once every fault is healed: a leader exists, a client operation
 * completed {@code ok} after the heal, and every node applied everything the leader committed, with
 * equal state digests at equal applied indexes.
 */
final class LivenessProbe {
  private final SimCluster cluster;
  private final HistoryRecorder history;
  private final long healedAtNanos;
  private int scannedOperations;
  private boolean progressed;

  LivenessProbe(SimCluster cluster, HistoryRecorder history, long healedAtNanos) {
    this.cluster = cluster;
    this.history = history;
    this.healedAtNanos = healedAtNanos;
  }

  boolean satisfied() {
    return cluster.currentLeader() != 0 && progressedSinceHeal() && converged();
  }

  private boolean progressedSinceHeal() {
    if (progressed) {
      return true;
    }
    List<Operation> ops = history.operations();
    for (int i = scannedOperations; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op.type() == OpType.OK && op.timeNanos().orElse(0) >= healedAtNanos) {
        progressed = true;
      }
    }
    scannedOperations = ops.size();
    return progressed;
  }

  /** Every node is up, and all have applied the same index with the same state digest. */
  boolean converged() {
    return divergence().isEmpty();
  }

  List<String> divergence() {
    List<String> problems = new ArrayList<>();
    long applied = -1;
    long digest = 0;
    int first = 0;
    for (int id : cluster.nodes()) {
      NodeProcess p = cluster.running(id);
      if (p == null) {
        problems.add("n" + id + " is down");
        continue;
      }
      long a = p.node().appliedIndex();
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
    out.addAll(divergence());
    return out;
  }
}
