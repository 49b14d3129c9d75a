package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One fault as it was applied during a run (an element of {@code checks.json}'s {@code appliedFaults}), as data a
 * reader dispatches on without reading words: the schedule's {@code type} name, the {@code effect} (what it
 * disturbs, or what a heal ends), the {@code node} it landed on, whether anything was {@code done}, how long it
 * lasts when it ends by itself, the schedule fault as it is in {@code schedule.json} ({@code spec}: its JSON
 * {@code type} and fields) and the {@code nodes} it resolved to when it fired (a leader-targeted fault: the leader
 * first, then its partner or the rest of its minority; a one-way block: its two ends).
 *
 * <p>{@code fault} and {@code applied} are the human labels (before and after the target was resolved), for
 * display only. A file written before {@code spec} and {@code nodes} existed reads them as null and empty.
 *
 * @param timeNanos when it was applied, simulated (or real-cluster) time
 * @param fault what was asked ("isolate the leader")
 * @param applied what was done ("isolate the leader (n1)")
 * @param type the schedule name of the fault kind ("isolate-leader")
 * @param effect what it disturbs ("network", "clog", "process", "pause", "clock", "disk", "operator") or which heal
 *     it is ("heal-network", "heal-all", "restart", "unclog", "resume", "disarm")
 * @param node the node it landed on; 0 for none or the whole network
 * @param done false when nothing was done (a leader-targeted fault with no leader)
 * @param durationNanos how long it lasts when it ends by itself; 0 until a heal
 * @param spec the schedule fault, or null where there is none (a real cluster's nemesis, an older file)
 * @param nodes the nodes it resolved to, target first; empty when it names none
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record AppliedFault(long timeNanos, String fault, String applied, String type, String effect, int node,
    boolean done, long durationNanos, JsonNode spec, List<Integer> nodes) {
  public AppliedFault {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    effect = effect == null ? "" : effect;
    type = type == null ? "" : type;
  }

  /** Reads one entry; an entry written before {@code done} existed was done. */
  @JsonCreator
  static AppliedFault read(@JsonProperty("timeNanos") long timeNanos, @JsonProperty("fault") String fault,
      @JsonProperty("applied") String applied, @JsonProperty("type") String type,
      @JsonProperty("effect") String effect, @JsonProperty("node") int node, @JsonProperty("done") Boolean done,
      @JsonProperty("durationNanos") long durationNanos, @JsonProperty("spec") JsonNode spec,
      @JsonProperty("nodes") List<Integer> nodes) {
    return new AppliedFault(timeNanos, fault, applied, type, effect, node, done == null || done, durationNanos,
        spec, nodes);
  }

  /** The label to show: what was done, else what was asked. */
  public String label() {
    return applied != null ? applied : fault == null ? type : fault;
  }

  /**
   * The fault kind whose shape this fault has, to draw it by: its schedule fault's JSON type where it has one (a
   * real cluster's nemesis records the simulated fault of the same shape as {@code spec}: its "oneway" cut as a
   * "one-way" block, an isolated leader as a "partition"), else its {@code type}.
   */
  public String shape() {
    return spec != null && spec.path("type").isTextual() ? spec.path("type").asText() : type;
  }
}
