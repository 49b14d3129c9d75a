package io.tumbler.report.view;

import java.util.List;

/**
 * A Raft safety violation as the report shows it, from the finding {@code checks.json} records as data
 * ({@link io.tumbler.runformat.SafetyFinding}).
 *
 * @param property the broken property (ELECTION_SAFETY, LOG_MATCHING...)
 * @param nodes the nodes involved
 * @param term the term concerned, 0 when not applicable
 * @param index the log index concerned, 0 when not applicable
 * @param eventNumber the 0-based line of {@code journal.jsonl} whose event revealed it
 * @param detail the checker's explanation
 */
public record SafetyFinding(String property, List<Integer> nodes, long term, long index, long eventNumber,
    String detail) {
  public SafetyFinding {
    nodes = List.copyOf(nodes);
  }

  /** The finding {@code checks.json} records as data. */
  public static SafetyFinding of(io.tumbler.runformat.SafetyFinding f) {
    return new SafetyFinding(f.property(), f.nodes(), f.term(), f.index(), f.eventNumber(), f.detail());
  }

  /** The property in words, with its Raft paper section. */
  public String propertyInWords() {
    return SafetyProperties.explain(property);
  }
}
