package io.tumbler.scenario.cluster;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.LogConfiguration;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.sim.kernel.Simulation;
import java.util.TreeSet;

/**
 * The operator's side of membership changes in the simulated world: what a person adding, removing or replacing a
 * host does through {@code RaftNode.proposeConfigChange}. Each step goes to whichever node leads when it is tried;
 * with no leader, a refusal (a change in flight, no entry of the leader's term committed, a transfer) or no answer
 * (the leader crashed, lost its office, or a snapshot overtook the outcome), it is tried again a little later,
 * until it is in effect and committed. An addition is two steps (add as learner; promote once the learner has
 * applied what was committed when it joined), a removal one; a replacement is a removal, the old disk wiped, then
 * an addition under a new id.
 *
 * <p>Every action runs as its own simulation event, never inside a node's callback: a leader that commits its own
 * removal is stopped after it has finished handling that commit.
 */
final class MembershipChanges {
  /** What the driver needs of the cluster. */
  interface Hosts {
    /** The live leader with the highest term, or 0. */
    int currentLeader();

    /** The live process of {@code node}, or null. */
    TumblerNode running(int node);

    /** Starts the node process of reserved id {@code node}, a new host outside the bootstrap configuration. */
    void startJoiningNode(int node);

    /** Stops {@code node} for good ({@code wipe}: and erases its disk); it leaves the members clients address. */
    void retire(int node, boolean wipe);

    /** Starts the node process of reserved id {@code node}, a host without the cluster secret, outside the members. */
    void startImpostor(int node);

    /** Stops impostor {@code node} for good: it gave up. */
    void stopImpostor(int node);

    /** Counts a committed configuration change, an added node (promoted) or a removed one. */
    void committed(ConfigChange change);
  }

  /** How many handshakes a host without the secret tries before it gives up. */
  private static final int IMPOSTOR_ATTEMPTS = 12;
  /** How many handshakes a wiped host tries under its stale identity before it takes its next incarnation. */
  private static final int STALE_RECORD_ATTEMPTS = 3;

  private final Simulation simulation;
  private final Hosts hosts;
  private final long retryNanos;
  /** Nodes whose removal was asked for: an addition still under way for one of them stops. */
  private final TreeSet<Integer> leaving = new TreeSet<>();

  MembershipChanges(Simulation simulation, Hosts hosts, long retryNanos) {
    this.simulation = simulation;
    this.hosts = hosts;
    this.retryNanos = retryNanos;
  }

  /** Starts new node {@code node} (a reserved id) and begins adding it. */
  void add(int node) {
    hosts.startJoiningNode(node);
    attempt(new Step(new ConfigChange.AddLearner(node), 0));
  }

  /**
   * Starts new node {@code node} (a reserved id) and has it ask the leader to admit it through the rejoin handshake,
   * again every few retry intervals until a committed configuration names it; then promotes it once caught up.
   */
  void join(int node) {
    hosts.startJoiningNode(node);
    knock(node, 0, Integer.MAX_VALUE, null);
  }

  /**
   * Starts new node {@code node}, a wiped host asking under the old identity its stale record names: it knocks
   * {@link #STALE_RECORD_ATTEMPTS} times, and unless that admitted it (a leader must refuse an incarnation it
   * admitted before), {@code nextIncarnation} moves it to its next incarnation and it knocks as {@link #join} does.
   */
  void joinFromStaleRecord(int node, Runnable nextIncarnation) {
    hosts.startJoiningNode(node);
    knock(node, 0, STALE_RECORD_ATTEMPTS, () -> {
      nextIncarnation.run();
      knock(node, 0, Integer.MAX_VALUE, null);
    });
  }

  /** Starts host {@code node}, which lacks the secret, knocking {@link #IMPOSTOR_ATTEMPTS} times, then stops it. */
  void joinImpostor(int node) {
    hosts.startImpostor(node);
    knock(node, 0, IMPOSTOR_ATTEMPTS, () -> hosts.stopImpostor(node));
  }

  /** Asks the leader to admit {@code node}, again later, until it is a member or {@code giveUp} after the attempts. */
  private void knock(int node, int attempts, int maxAttempts, Runnable giveUp) {
    if (leaving.contains(node)) {
      return;
    }
    TumblerNode leader = hosts.running(hosts.currentLeader());
    if (leader != null && leader.node().configuration().configuration().isMember(node)) {
      if (leader.node().configuration().index() <= leader.node().status().commitIndex()) {
        awaitCatchUp(node, leader.node().status().commitIndex());
      } else {
        later(() -> knock(node, attempts, maxAttempts, giveUp));
      }
      return;
    }
    if (attempts >= maxAttempts) {
      giveUp.run();
      return;
    }
    TumblerNode joiner = hosts.running(node);
    if (leader != null && joiner != null) {
      joiner.node().requestJoin(leader.nodeId());
    }
    simulation.schedule(simulation.nowNanos() + 8 * retryNanos, "join retry", () -> knock(node, attempts + 1,
        maxAttempts, giveUp));
  }

  /** Begins removing {@code node}; with a {@code replacement} id (else 0), then wipes it and adds that node. */
  void remove(int node, int replacement) {
    leaving.add(node);
    attempt(new Step(new ConfigChange.Remove(node), replacement));
  }

  /** One change being driven to commitment; {@code attempts} tells a current answer from a stale one. */
  private static final class Step {
    final ConfigChange change;
    /** For a removal that is a replacement: the new node's id; else 0. */
    final int replacement;
    long attempts;
    boolean done;

    Step(ConfigChange change, int replacement) {
      this.change = change;
      this.replacement = replacement;
    }
  }

  private void attempt(Step step) {
    if (step.done || abandoned(step)) {
      return;
    }
    TumblerNode leader = hosts.running(hosts.currentLeader());
    if (leader == null) {
      later(() -> attempt(step));
      return;
    }
    long attempt = ++step.attempts;
    leader.node().proposeConfigChange(step.change, outcome -> simulation.schedule(simulation.nowNanos(),
        "config change answered", () -> answered(step, attempt, outcome)));
    simulation.schedule(simulation.nowNanos() + 4 * retryNanos, "config change unanswered", () -> {
      if (step.attempts == attempt && !step.done) {
        attempt(step);
      }
    });
  }

  /** An addition whose node is being removed meanwhile stops; a removal always goes on. */
  private boolean abandoned(Step step) {
    return !(step.change instanceof ConfigChange.Remove) && leaving.contains(step.change.node());
  }

  private void answered(Step step, long attempt, ConfigChangeOutcome outcome) {
    if (step.attempts != attempt || step.done) {
      return;
    }
    boolean settled = outcome instanceof ConfigChangeOutcome.Committed
        || outcome instanceof ConfigChangeOutcome.Refused r && inEffectAndCommitted(step.change, r.reason());
    if (settled) {
      step.done = true;
      hosts.committed(step.change);
      next(step);
    } else {
      later(() -> attempt(step));
    }
  }

  /**
   * A refusal because the change is already made (an earlier attempt's answer was lost): settled once the leader's
   * configuration shows it and is committed.
   */
  private boolean inEffectAndCommitted(ConfigChange change, ConfigChangeResult.Reason reason) {
    if (reason != ConfigChangeResult.Reason.ALREADY_MEMBER && reason != ConfigChangeResult.Reason.UNKNOWN_NODE) {
      return false;
    }
    TumblerNode leader = hosts.running(hosts.currentLeader());
    if (leader == null) {
      return false;
    }
    LogConfiguration latest = leader.node().configuration();
    if (latest.index() > leader.node().status().commitIndex()) {
      return false;
    }
    Configuration c = latest.configuration();
    int node = change.node();
    if (change instanceof ConfigChange.AddLearner) {
      return c.isMember(node);
    }
    return change instanceof ConfigChange.PromoteLearner ? c.isVoter(node) : !c.isMember(node);
  }

  private void next(Step step) {
    int node = step.change.node();
    if (step.change instanceof ConfigChange.AddLearner) {
      TumblerNode leader = hosts.running(hosts.currentLeader());
      awaitCatchUp(node, leader == null ? 0 : leader.node().status().commitIndex());
    } else if (step.change instanceof ConfigChange.Remove) {
      hosts.retire(node, step.replacement != 0);
      if (step.replacement != 0) {
        add(step.replacement);
      }
    }
  }

  /** Promotes learner {@code node} once it runs and has applied {@code index} (what was committed when it joined). */
  private void awaitCatchUp(int node, long index) {
    if (leaving.contains(node)) {
      return;
    }
    TumblerNode learner = hosts.running(node);
    if (learner != null && learner.node().appliedIndex() >= index) {
      attempt(new Step(new ConfigChange.PromoteLearner(node), 0));
    } else {
      later(() -> awaitCatchUp(node, index));
    }
  }

  private void later(Runnable action) {
    simulation.schedule(simulation.nowNanos() + retryNanos, "config change retry", action);
  }
}
