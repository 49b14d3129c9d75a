package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One operation event of a run's {@code history.jsonl}, with Jepsen's field names (DESIGN.md "Formats"), as reports
 * read it. The file is written by the linearizability checker's JSONL writer (the format {@code tumbler check} reads
 * and round-trips to EDN), which does not depend on this module: this record names the same fields, and a test reads
 * that writer's lines through it. The first line of the file is a header ({@code {"tumbler-history":1,...}}), not
 * an event. Values keep the history's own JSON; a field a line lacks reads as null.
 *
 * @param index the event's index (explicit, or its position)
 * @param process the process (a number, or a name such as "nemesis")
 * @param type invoke, ok, fail or info
 * @param f the operation's function
 * @param value its value, or null when the line has none
 * @param time its time in ns, or null when not recorded
 * @param error why a fail or info completion ended so (any JSON), or null
 * @param node the node that served a completion, or null where not recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(Long index, JsonNode process, String type, String f, JsonNode value, Long time,
    JsonNode error, JsonNode node) {

  /** The process as text ("2", "nemesis"); "" when the line has none. */
  public String processName() {
    return process == null ? "" : process.asText();
  }

  /** The value, a {@link MissingNode} when the line has none (a JSON null stays a null node). */
  public JsonNode valueOrMissing() {
    return value == null ? MissingNode.getInstance() : value;
  }

  /** The error as text; "" when there is none or it is not a scalar. */
  public String errorText() {
    return error == null ? "" : error.asText("");
  }
}
