package io.tumbler.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A fault as it was applied, in simulation or to a real cluster: when, what was asked ({@code fault}), what was done
 * with its target resolved ({@code applied}), and the same as data for readers that must not parse words: the
 * fault's {@code type} (its schedule name), its {@link Effect}, the node it landed on (0: none, or the whole
 * network), whether anything was done, how long it lasts when it ends by itself (0: until a heal), the schedule
 * fault itself ({@code spec}, null where there is none: a real cluster's nemesis) and the nodes it resolved to
 * ({@link FaultOutcome#nodes()}).
 */
public record AppliedFault(long timeNanos, String fault, String applied, String type, Effect effect, int node,
    boolean done, long durationNanos, Fault spec, List<Integer> nodes) {

  public AppliedFault {
    nodes = List.copyOf(nodes);
  }

  /** A fault applied without a schedule fault behind it (a real cluster's nemesis): resolved to {@code node}. */
  public AppliedFault(long timeNanos, String fault, String applied, String type, Effect effect, int node,
      boolean done, long durationNanos) {
    this(timeNanos, fault, applied, type, effect, node, done, durationNanos, null,
        node == 0 ? List.of() : List.of(node));
  }

  /** {@code fault} applied at {@code timeNanos} with {@code outcome}. */
  public static AppliedFault of(long timeNanos, Fault fault, FaultOutcome outcome) {
    return new AppliedFault(timeNanos, fault.describe(), outcome.description(), FaultTypes.nameOf(fault),
        fault.effect(), outcome.node(), outcome.done(), outcome.durationNanos(), fault, outcome.nodes());
  }

  /** Writes the fields into {@code out} (one element of a real cluster run's {@code appliedFaults}). */
  public void writeTo(ObjectNode out) {
    out.put("timeNanos", timeNanos);
    out.put("fault", fault);
    out.put("applied", applied);
    out.put("type", type);
    out.put("effect", effect.label());
    out.put("node", node);
    out.put("done", done);
    if (durationNanos > 0) {
      out.put("durationNanos", durationNanos);
    }
  }
}
