package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.scenario.journal.HarnessEvent.Crashed;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.TreeMap;

/**
 * Which nodes lead now, and in which term, as the journal tells it: a node leads from its role change to
 * leader until it reports another role, crashes or restarts. Several oracles judge an event by whether its node
 * (or the leader it names) leads in the event's term; they share this rather than each folding role changes.
 */
final class Leaderships {
  private final TreeMap<Integer, Long> leading = new TreeMap<>();

  /** Folds in {@code event}; anything other than a role change, crash or restart leaves it as it is. */
  void observe(JournalEntry entry) {
    Object event = entry.payload();
    String role = RoleChanges.role(event);
    if (role != null) {
      if ("LEADER".equals(role)) {
        leading.put(entry.node(), RoleChanges.term(event));
      } else {
        leading.remove(entry.node());
      }
    } else if (event instanceof Crashed e) {
      leading.remove(e.node());
    } else if (event instanceof Recovered e) {
      leading.remove(e.node());
    }
  }

  /** The term {@code node} leads in, or null when it does not lead. */
  Long termLedBy(int node) {
    return leading.get(node);
  }

  /** Whether {@code node} leads in exactly {@code term}. */
  boolean leadsIn(int node, long term) {
    Long led = leading.get(node);
    return led != null && led == term;
  }
}
