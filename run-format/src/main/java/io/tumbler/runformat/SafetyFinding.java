package io.tumbler.runformat;

import java.util.List;

/**
 * A Raft safety violation as data, as the online checker found it: {@code checks.json} lists each beside the
 * raft-safety check's one-line details, so a report draws the logs around it without reading the line back.
 *
 * @param property the broken property (ELECTION_SAFETY, LOG_MATCHING, FIGURE_8_RULE...)
 * @param nodes the nodes involved
 * @param term the term concerned, 0 when not applicable
 * @param index the log index concerned, 0 when not applicable
 * @param eventNumber the 0-based line of {@code journal.jsonl} whose event revealed it
 * @param detail the checker's explanation
 * @param rule the property's rule in words, with its section of the Raft paper or dissertation
 */
public record SafetyFinding(String property, List<Integer> nodes, long term, long index, long eventNumber,
    String detail, String rule) {
  public SafetyFinding {
    property = property == null ? "?" : property;
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    detail = detail == null ? "" : detail;
    rule = rule == null ? "" : rule;
  }
}
