package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.FailureMeaning;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a history into the independent sub-histories the model allows: calls that share a partition
 * key, directly or through other calls (union-find), go together. Drops the failed calls the model
 * reads as "did not happen".
 */
public final class Partitioner {
  private Partitioner() {}

  /**
   * The sub-histories of {@code history} under {@code model}, in order of their first invocation.
   *
   * @throws IllegalArgumentException when the model cannot read a call (a model error)
   */
  public static List<SubHistory> split(Model<?> model, History history) {
    List<Call> kept = new ArrayList<>();
    for (Call call : history.calls()) {
      if (!call.isFailed() || model.failureMeaning(call) == FailureMeaning.DEFINITE_RESPONSE) {
        kept.add(call);
      }
    }
    if (!model.isPartitioned()) {
      return List.of(new SubHistory(0, "", List.of(), kept));
    }
    return byKeys(model, kept);
  }

  private static List<SubHistory> byKeys(Model<?> model, List<Call> calls) {
    Map<Object, Integer> keyIds = new HashMap<>();
    List<Object> keyList = new ArrayList<>();
    List<Integer> keyGroups = new ArrayList<>();
    int[] firstKeyOfCall = new int[calls.size()];
    UnionFind groups = new UnionFind();
    for (int i = 0; i < calls.size(); i++) {
      int first = -1;
      for (Object key : model.partitionKeys(calls.get(i))) {
        Integer id = keyIds.get(key);
        if (id == null) {
          id = groups.add();
          keyIds.put(key, id);
          keyList.add(key);
          keyGroups.add(id);
        }
        first = first < 0 ? id : groups.union(first, id);
      }
      firstKeyOfCall[i] = first < 0 ? groups.add() : first;
    }
    return assemble(calls, keyList, keyGroups, firstKeyOfCall, groups);
  }

  private static List<SubHistory> assemble(
      List<Call> calls, List<Object> keyList, List<Integer> keyGroups, int[] groupOf, UnionFind groups) {
    Map<Integer, List<Call>> callsByRoot = new TreeMap<>();
    Map<Integer, Integer> orderByRoot = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      int root = groups.find(groupOf[i]);
      orderByRoot.putIfAbsent(root, orderByRoot.size());
      callsByRoot.computeIfAbsent(orderByRoot.get(root), order -> new ArrayList<>()).add(calls.get(i));
    }
    Map<Integer, List<Object>> keysByOrder = new TreeMap<>();
    for (int key = 0; key < keyList.size(); key++) {
      Integer order = orderByRoot.get(groups.find(keyGroups.get(key)));
      if (order != null) {
        keysByOrder.computeIfAbsent(order, o -> new ArrayList<>()).add(keyList.get(key));
      }
    }
    List<SubHistory> parts = new ArrayList<>();
    for (Map.Entry<Integer, List<Call>> part : callsByRoot.entrySet()) {
      List<Object> keys = keysByOrder.getOrDefault(part.getKey(), List.of());
      parts.add(new SubHistory(part.getKey(), label(keys), keys, part.getValue()));
    }
    return parts;
  }

  private static String label(List<Object> keys) {
    if (keys.isEmpty()) {
      return "no key";
    }
    return (keys.size() == 1 ? "key " : "keys ") + keys.toString().replaceAll("^\\[|\\]$", "");
  }

  /** Disjoint sets over dense ids, with path halving. */
  private static final class UnionFind {
    private int[] parent = new int[16];
    private int count;

    int add() {
      if (count == parent.length) {
        parent = java.util.Arrays.copyOf(parent, count * 2);
      }
      parent[count] = count;
      return count++;
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    int union(int a, int b) {
      int rootA = find(a);
      int rootB = find(b);
      parent[rootB] = rootA;
      return rootA;
    }
  }
}
