package io.tumbler.report.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.report.view.FaultKind;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.util.List;

/** Fault windows with their applied faults as data, as scenarios writes them, for the connectivity tests. */
final class NetFaults {
  private NetFaults() {}

  /** A network window of schedule type {@code type}, resolved to {@code nodes}, labelled {@code label}. */
  static FaultWindow net(long start, long end, String label, String type, int node, Integer... nodes) {
    ObjectNode spec = RunFormatJson.mapper().createObjectNode().put("type", type);
    return window(start, end, label, FaultKind.NETWORK, "network",
        new AppliedFault(start, label, label, type, "network", node, true, 0, spec, List.of(nodes)));
  }

  /** A partition into {@code groups}. */
  static FaultWindow partition(long start, long end, List<List<Integer>> groups) {
    ObjectNode spec = RunFormatJson.mapper().createObjectNode().put("type", "partition");
    spec.set("groups", RunFormatJson.mapper().valueToTree(groups));
    return window(start, end, "partition " + groups, FaultKind.NETWORK, "network",
        new AppliedFault(start, "partition " + groups, "partition " + groups, "partition", "network", 0, true, 0,
            spec, List.of()));
  }

  /** A crash or pause window of {@code node}. */
  static FaultWindow down(long start, long end, String label, FaultKind kind, int node) {
    return window(start, end, label, kind, "n" + node, new AppliedFault(start, label, label,
        kind == FaultKind.PAUSE ? "pause" : "crash", kind == FaultKind.PAUSE ? "pause" : "process", node, true, 0,
        null, List.of(node)));
  }

  private static FaultWindow window(long start, long end, String label, FaultKind kind, String key, AppliedFault a) {
    return new FaultWindow(start, end, label, kind, key, true, a);
  }
}
