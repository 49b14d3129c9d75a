package io.tumbler.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Raft safety violation read back from a {@code raft-safety} detail line of {@code checks.json}, written by
 * the online checker as {@code PROPERTY nodes=[1, 2] term=T index=I at journal event #N: detail}.
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
  private static final Pattern LINE = Pattern.compile(
      "^([A-Z_]+) nodes=\\[([0-9, ]*)\\] term=(\\d+) index=(\\d+) at journal event #(\\d+): (.*)$",
      Pattern.DOTALL);

  public SafetyFinding {
    nodes = List.copyOf(nodes);
  }

  /** Parses one detail line; empty when it is not in the checker's format. */
  public static Optional<SafetyFinding> parse(String line) {
    Matcher m = LINE.matcher(line.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<Integer> nodes = new ArrayList<>();
    for (String n : m.group(2).split(",")) {
      if (!n.isBlank()) {
        nodes.add(Integer.parseInt(n.trim()));
      }
    }
    return Optional.of(new SafetyFinding(m.group(1), nodes, Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
        Long.parseLong(m.group(5)), m.group(6)));
  }

  /** The property in words, with its Raft paper section. */
  public String propertyInWords() {
    return SafetyProperties.explain(property);
  }
}
