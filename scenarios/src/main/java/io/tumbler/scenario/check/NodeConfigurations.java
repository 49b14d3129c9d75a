package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation.ConfigurationChanged;
import io.tumbler.raft.node.Observation.Recovered;
import io.tumbler.scenario.journal.HarnessEvent.NodeJoined;
import io.tumbler.scenario.journal.JournalEntry;
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
  /** Per node: the configuration it used before its latest change, and when that change was journaled. */
  private final TreeMap<Integer, Config> before = new TreeMap<>();
  private final TreeMap<Integer, Long> changedAtNanos = new TreeMap<>();

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

  void observe(JournalEntry entry) {
    Object event = entry.payload();
    if (event instanceof NodeJoined e) {
      joined.add(e.node());
    } else if (event instanceof Recovered e) {
      if (!joined.contains(e.node())) {
        bootstrap.add(e.node());
      }
      current.remove(e.node()); // the recovered configuration follows when it is not the bootstrap one
      changedAtNanos.remove(e.node());
    } else if (event instanceof ConfigurationChanged e) {
      before.put(e.node(), of(e.node()));
      changedAtNanos.put(e.node(), entry.timeNanos());
      current.put(e.node(), new Config(e.index(), e.configuration().voters(), e.configuration().learners()));
    }
  }

  /** The configuration {@code node} uses now. */
  Config of(int node) {
    Config c = current.get(node);
    return c != null ? c : bootstrapConfig();
  }

  /**
   * The configurations {@code node} may have decided under at {@code timeNanos}: the one it uses now, and, when it
   * changed at that very instant, the one before (a node's decisions and its configuration change of one step are
   * journaled together, the change last: a heartbeat answer counted, then a removal appended, then the read
   * answered). A decision is sound if it holds under either.
   */
  List<Config> atInstant(int node, long timeNanos) {
    Long changedAt = changedAtNanos.get(node);
    if (changedAt == null || changedAt != timeNanos) {
      return List.of(of(node));
    }
    return List.of(of(node), before.get(node));
  }

  /**
   * The first of {@code configs} under which {@code supporters} fall short, with the property broken, or null when
   * some configuration holds a majority of them (see {@link Config#judge}).
   */
  static Shortfall shortfall(List<Config> configs, Collection<Integer> supporters, SafetyProperty classic) {
    Shortfall first = null;
    for (Config config : configs) {
      SafetyProperty broken = config.judge(supporters, classic);
      if (broken == null) {
        return null;
      }
      first = first != null ? first : new Shortfall(config, broken);
    }
    return first;
  }

  /** A decision short of a majority of {@code config}'s voters, breaking {@code property}. */
  record Shortfall(Config config, SafetyProperty property) {}

  /** The bootstrap configuration: every node that started without joining, as voters. */
  Config bootstrapConfig() {
    return new Config(0, List.copyOf(bootstrap), List.of());
  }
}
