package io.tumbler.scenario.check;

import io.tumbler.scenario.journal.JournalEvent;
import io.tumbler.scenario.journal.JournalEvent.ConfigurationChanged;
import io.tumbler.scenario.journal.JournalEvent.NodeJoined;
import io.tumbler.scenario.journal.JournalEvent.Recovered;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which configuration each node uses, as the journal shows it: the latest in its log, committed or not
 * (dissertation §4.1, as raft-impl decides), learned from {@link ConfigurationChanged}; before any such event, and
 * again after a restart until the node journals the configuration it recovered, the bootstrap one. The bootstrap
 * voters are the nodes that started without being announced as joining ({@link NodeJoined}): in a journal without
 * membership changes, every node that started — what the quorum oracles counted before configurations existed.
 *
 * <p>The quorum oracles ask {@link #of} at the moment of a decision (an election won, a commit, a ReadIndex
 * answer) and judge the decision by {@link Config#judge}.
 */
final class NodeConfigurations {
  private final TreeSet<Integer> bootstrap = new TreeSet<>();
  private final TreeSet<Integer> joined = new TreeSet<>();
  private final TreeMap<Integer, Config> current = new TreeMap<>();

  /**
   * One node's configuration: {@code index} where it took effect (0: the bootstrap one), its voters and learners.
   */
  record Config(long index, List<Integer> voters, List<Integer> learners) {
    Config {
      voters = List.copyOf(voters);
      learners = List.copyOf(learners);
    }

    boolean isVoter(int node) {
      return voters.contains(node);
    }

    int majority() {
      return voters.size() / 2 + 1;
    }

    /**
     * Whether {@code supporters} (the nodes whose votes, acknowledgements or heartbeat answers a decision rests on)
     * hold a majority of the voters: null if they do; else the property broken — {@link
     * SafetyProperty#CONFIGURATION_QUORUM} when the decision counted a node outside the voters (a learner, a
     * removed leader counting itself, a member of another configuration), else {@code classic}.
     */
    SafetyProperty judge(Collection<Integer> supporters, SafetyProperty classic) {
      int counted = 0;
      boolean outsider = false;
      for (int node : supporters) {
        if (isVoter(node)) {
          counted++;
        } else {
          outsider = true;
        }
      }
      if (counted >= majority()) {
        return null;
      }
      return outsider ? SafetyProperty.CONFIGURATION_QUORUM : classic;
    }

    /** The voters among {@code supporters}, for messages. */
    int votersAmong(Collection<Integer> supporters) {
      int counted = 0;
      for (int node : supporters) {
        counted += isVoter(node) ? 1 : 0;
      }
      return counted;
    }

    @Override
    public String toString() {
      return "voters=" + voters + (learners.isEmpty() ? "" : " learners=" + learners)
          + (index == 0 ? " (bootstrap)" : " (from index " + index + ")");
    }
  }

  void observe(JournalEvent event) {
    if (event instanceof NodeJoined e) {
      joined.add(e.node());
    } else if (event instanceof Recovered e) {
      if (!joined.contains(e.node())) {
        bootstrap.add(e.node());
      }
      current.remove(e.node()); // the recovered configuration follows when it is not the bootstrap one
    } else if (event instanceof ConfigurationChanged e) {
      current.put(e.node(), new Config(e.index(), e.voters(), e.learners()));
    }
  }

  /** The configuration {@code node} uses now. */
  Config of(int node) {
    Config c = current.get(node);
    return c != null ? c : bootstrapConfig();
  }

  /** The bootstrap configuration: every node that started without joining, as voters. */
  Config bootstrapConfig() {
    return new Config(0, List.copyOf(bootstrap), List.of());
  }
}
