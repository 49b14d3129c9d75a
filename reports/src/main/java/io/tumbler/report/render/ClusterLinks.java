package io.tumbler.report.render;

import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which links of the cluster carry messages at one moment, reconstructed from the fault windows' labels
 * (the {@code describe()} texts of fault-injection, with leader targets resolved: "partition [[1], [2, 3]]",
 * "one-way block 1->2", "isolate the leader (n1)", "partition the leader into the minority (n1)", "clog n2").
 * Network faults stack until "heal network", so every network window in force at the moment counts.
 *
 * @param nodes the node ids, ascending
 * @param blocked {@code blocked[i][j]}: messages from {@code nodes[i]} to {@code nodes[j]} are dropped
 * @param clogged {@code clogged[i]}: node {@code nodes[i]} is clogged (its messages are held back, not dropped)
 * @param down {@code down[i]}: node {@code nodes[i]} is crashed or paused
 * @param unreadable labels of network faults in force whose shape could not be read (shown as text instead)
 */
record ClusterLinks(int[] nodes, boolean[][] blocked, boolean[] clogged, boolean[] down, List<String> unreadable) {
  private static final Pattern GROUP = Pattern.compile("\\[([\\d,\\s]+)]");
  private static final Pattern ONE_WAY = Pattern.compile("one-way block (\\d+)->(\\d+)");
  private static final Pattern NODE = Pattern.compile("\\bn(\\d+)\\b");
  private static final Pattern ANY_NUMBER = Pattern.compile("\\bn?(\\d+)\\b");

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
        s.applyNetwork(f.label());
      } else if (f.kind() == FaultKind.PROCESS || f.kind() == FaultKind.PAUSE) {
        s.markDown(f.label());
      }
    }
    return s;
  }

  /** Every node id named in the faults or in {@code known}, ascending; 1..3 when there is none. */
  static int[] nodesOf(List<FaultWindow> faults, List<Integer> known) {
    TreeSet<Integer> ids = new TreeSet<>(known);
    for (FaultWindow f : faults) {
      boolean shape = f.label().startsWith("partition [") || f.label().startsWith("one-way block");
      Matcher m = (shape ? ANY_NUMBER : NODE).matcher(f.label());
      while (m.find()) {
        ids.add(Integer.parseInt(m.group(1)));
      }
    }
    if (ids.isEmpty()) {
      ids.addAll(List.of(1, 2, 3));
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  private void applyNetwork(String label) {
    Matcher oneWay = ONE_WAY.matcher(label);
    Matcher leader = NODE.matcher(label);
    if (label.startsWith("partition [")) {
      partition(groups(label));
    } else if (oneWay.find()) {
      block(Integer.parseInt(oneWay.group(1)), Integer.parseInt(oneWay.group(2)));
    } else if (label.startsWith("isolate the leader") && leader.find()) {
      int l = Integer.parseInt(leader.group(1));
      partition(List.of(List.of(l), others(List.of(l))));
    } else if (label.startsWith("partition the leader into the minority") && leader.find()) {
      partition(minorityWith(Integer.parseInt(leader.group(1))));
    } else if (label.startsWith("mute the leader") && leader.find()) {
      int l = Integer.parseInt(leader.group(1));
      others(List.of(l)).forEach(to -> block(l, to));
    } else if (label.startsWith("clog the minority's links to the leader") && leader.find()) {
      // Only the partners' messages to the leader are held; the ring marks the nodes whose messages wait.
      for (int partner : minorityWith(Integer.parseInt(leader.group(1))).get(0)) {
        int i = indexOf(partner);
        if (i >= 0 && partner != Integer.parseInt(leader.group(1))) {
          clogged[i] = true;
        }
      }
    } else if (label.startsWith("clog") && leader.find()) {
      int i = indexOf(Integer.parseInt(leader.group(1)));
      if (i >= 0) {
        clogged[i] = true;
      }
    } else if (!label.startsWith("loss") && !label.startsWith("duplicate") && !label.startsWith("delay")) {
      unreadable.add(label);
    }
  }

  private static List<List<Integer>> groups(String label) {
    List<List<Integer>> out = new ArrayList<>();
    Matcher m = GROUP.matcher(label);
    while (m.find()) {
      List<Integer> group = new ArrayList<>();
      for (String id : m.group(1).split(",")) {
        group.add(Integer.parseInt(id.strip()));
      }
      out.add(group);
    }
    return out;
  }

  /** Mirrors fault-injection's choice: the leader and its ring successors, as many as stay a minority. */
  private List<List<Integer>> minorityWith(int leader) {
    int size = Math.max(1, (nodes.length - 1) / 2);
    int start = Math.max(0, indexOf(leader));
    List<Integer> minority = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      minority.add(nodes[(start + k) % nodes.length]);
    }
    return List.of(minority, others(minority));
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

  private void partition(List<List<Integer>> groups) {
    for (List<Integer> a : groups) {
      for (List<Integer> b : groups) {
        if (a != b) {
          a.forEach(from -> b.forEach(to -> block(from, to)));
        }
      }
    }
  }

  private void block(int from, int to) {
    int i = indexOf(from);
    int j = indexOf(to);
    if (i >= 0 && j >= 0) {
      blocked[i][j] = true;
    }
  }

  private void markDown(String label) {
    Matcher m = NODE.matcher(label);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    int i = last == null ? -1 : indexOf(Integer.parseInt(last));
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
