package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which links of the cluster carry messages at one moment, reconstructed from the applied faults as data
 * ({@link AppliedFault}): the schedule {@code type}, the schedule fault's fields ({@code spec}: a partition's
 * groups) and the nodes the fault resolved to when it fired ({@code nodes}: the leader, then the rest of its
 * minority; a one-way block's two ends). Network faults stack until "heal network", so every network window in
 * force at the moment counts. A network fault whose shape the data does not give (an unknown kind, a run written
 * before the data was recorded) is listed in {@link #unreadable} and shown as text.
 *
 * @param nodes the node ids, ascending
 * @param blocked {@code blocked[i][j]}: messages from {@code nodes[i]} to {@code nodes[j]} are dropped
 * @param clogged {@code clogged[i]}: node {@code nodes[i]} is clogged (its messages are held back, not dropped)
 * @param down {@code down[i]}: node {@code nodes[i]} is crashed or paused
 * @param unreadable labels of network faults in force whose shape could not be read (shown as text instead)
 */
record ClusterLinks(int[] nodes, boolean[][] blocked, boolean[] clogged, boolean[] down, List<String> unreadable) {

  /** The part of a partition's schedule fault that shapes the cluster. */
  private record PartitionSpec(List<List<Integer>> groups) {}

  /** Whether a fault window changes links or nodes, and so gets a connectivity diagram. */
  static boolean shapesCluster(FaultWindow f) {
    return f.kind() == FaultKind.NETWORK || f.kind() == FaultKind.PROCESS || f.kind() == FaultKind.PAUSE;
  }

  /** The state at {@code atNanos}: every window with {@code start <= at < end} (or a moment at {@code at}). */
  static ClusterLinks at(long atNanos, List<FaultWindow> faults, int[] nodes) {
    int n = nodes.length;
    ClusterLinks s = new ClusterLinks(nodes, new boolean[n][n], new boolean[n], new boolean[n], new ArrayList<>());
    for (FaultWindow f : faults) {
      boolean inForce = f.startNanos() <= atNanos && (atNanos < f.endNanos() || f.startNanos() == atNanos);
      if (!inForce) {
        continue;
      }
      if (f.kind() == FaultKind.NETWORK) {
        s.applyNetwork(f.fault(), f.label());
      } else if (f.kind() == FaultKind.PROCESS || f.kind() == FaultKind.PAUSE) {
        s.markDown(f.fault().node());
      }
    }
    return s;
  }

  /** Every node id the faults name or resolved to, or in {@code known}, ascending; 1..3 when there is none. */
  static int[] nodesOf(List<FaultWindow> faults, List<Integer> known) {
    TreeSet<Integer> ids = new TreeSet<>(known);
    for (FaultWindow f : faults) {
      AppliedFault a = f.fault();
      if (a.node() > 0) {
        ids.add(a.node());
      }
      ids.addAll(a.nodes());
      groups(a).forEach(ids::addAll);
    }
    if (ids.isEmpty()) {
      ids.addAll(List.of(1, 2, 3));
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A partition's groups from its schedule fields; none for any other fault or without them. */
  private static List<List<Integer>> groups(AppliedFault a) {
    JsonNode spec = a.spec();
    if (!a.shape().equals("partition") || spec == null) {
      return List.of();
    }
    try {
      PartitionSpec p = RunFormatJson.mapper().treeToValue(spec, PartitionSpec.class);
      return p.groups() == null ? List.of() : p.groups();
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private void applyNetwork(AppliedFault a, String label) {
    List<Integer> resolved = a.nodes();
    boolean shaped = true;
    switch (a.shape()) {
      case "partition" -> shaped = !groups(a).isEmpty() && partition(groups(a));
      case "one-way" -> shaped = resolved.size() == 2 && block(resolved.get(0), resolved.get(1));
      case "isolate-leader" -> shaped = !resolved.isEmpty()
          && partition(List.of(List.of(resolved.get(0)), others(List.of(resolved.get(0)))));
      case "leader-to-minority" -> shaped = !resolved.isEmpty() && partition(List.of(resolved, others(resolved)));
      case "mute-leader" -> shaped = !resolved.isEmpty()
          && others(List.of(resolved.get(0))).stream().allMatch(to -> block(resolved.get(0), to));
      // Only the partners' messages to the leader are held; the ring marks the nodes whose messages wait.
      case "clog-minority-to-leader" -> shaped = !resolved.isEmpty()
          && resolved.subList(1, resolved.size()).stream().allMatch(this::clog);
      case "clog", "clog-leader" -> shaped = a.node() > 0 && clog(a.node());
      case "loss", "duplicate", "delay" -> shaped = true; // every link still carries messages
      default -> shaped = false;
    }
    if (!shaped) {
      unreadable.add(label);
    }
  }

  private List<Integer> others(List<Integer> group) {
    List<Integer> out = new ArrayList<>();
    for (int id : nodes) {
      if (!group.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  private boolean partition(List<List<Integer>> groups) {
    for (List<Integer> a : groups) {
      for (List<Integer> b : groups) {
        if (a != b) {
          a.forEach(from -> b.forEach(to -> block(from, to)));
        }
      }
    }
    return true;
  }

  /** Blocks {@code from -> to} when both are drawn; always true (a node off the diagram has no link to draw). */
  private boolean block(int from, int to) {
    int i = indexOf(from);
    int j = indexOf(to);
    if (i >= 0 && j >= 0) {
      blocked[i][j] = true;
    }
    return true;
  }

  private boolean clog(int node) {
    int i = indexOf(node);
    if (i >= 0) {
      clogged[i] = true;
    }
    return true;
  }

  private void markDown(int node) {
    int i = node <= 0 ? -1 : indexOf(node);
    if (i >= 0) {
      down[i] = true;
    }
  }

  int indexOf(int id) {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] == id) {
        return i;
      }
    }
    return -1;
  }
}
