package io.tumbler.fault;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.List;

/**
 * A fault, as data. Each kind has a heal (see {@link #heal()}); a {@link Schedule} is a list of them
 * at simulated times, serialized as JSON with a {@code "type"} field so it can be read, edited by hand,
 * replayed exactly and shrunk.
 *
 * <p>Node ids are the cluster's (1..N, then N+1, N+2... for hosts {@link AddNode}, {@link ReplaceNode},
 * {@link JoinNode}, {@link Rejoin} and {@link RejoinWithBadSecret} bring in, in the order they fire). Targets such as {@link KillLeader} are resolved when the fault fires, from the
 * cluster's observed state, by the {@link FaultActuator} that applies it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(FaultTypes.class)
public sealed interface Fault {

  /** The fault that undoes this one, or {@link HealAll} when only a full heal does. */
  Fault heal();

  /** A short human description for reports and logs. */
  String describe();

  /** What it does to the world, and so which heal ends it (written beside the applied fault for reports). */
  Effect effect();

  /**
   * Applies this fault to {@code cluster} and says what was done. Every fault applies itself, so a new kind cannot
   * be scheduled, journaled as applied and silently skipped: the compiler asks for this method.
   */
  FaultOutcome applyTo(FaultActuator cluster);

  /** The node ids this fault names, checked against the cluster before a run ({@link ScheduleCheck}). */
  default List<Integer> nodesNamed() {
    return List.of();
  }

  /** What is wrong with this fault's quantities (a negative duration, a rate outside [0, 1]), or null. */
  default String problem() {
    return null;
  }

  /** True for the faults that bring in a host under the next unused id (ids follow their order in a schedule). */
  default boolean takesNewId() {
    return false;
  }

  /** A fault aimed at one node the schedule names. */
  sealed interface OnNode extends Fault {
    /** The node it is aimed at. */
    int node();

    @Override
    default List<Integer> nodesNamed() {
      return List.of(node());
    }
  }

  /** A fault aimed at whichever node leads when it fires, resolved then from the cluster's observed state. */
  sealed interface LeaderTargeted extends Fault {
    /** Applies the fault to {@code leader}, the node that leads as it fires. */
    FaultOutcome applyToLeader(int leader, FaultActuator cluster);

    @Override
    default FaultOutcome applyTo(FaultActuator cluster) {
      int leader = cluster.currentLeader();
      return leader == 0 ? FaultOutcome.nothingDone(this, "no leader") : applyToLeader(leader, cluster);
    }
  }

  /** Nodes in different groups cannot talk, both ways; nodes in no group are isolated. Heal: reconnect all. */
  @JsonTypeName("partition")
  record Partition(List<List<Integer>> groups) implements Fault {
    public Partition {
      groups = groups.stream().map(List::copyOf).toList();
    }

    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "partition " + groups;
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.partition(groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray())
          .toArray(int[][]::new));
      return FaultOutcome.done(describe(), 0);
    }

    public List<Integer> nodesNamed() {
      return groups.stream().flatMap(List::stream).toList();
    }
  }

  /** Messages from {@code from} to {@code to} are dropped; the reverse direction still flows. */
  @JsonTypeName("one-way")
  record OneWay(int from, int to) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "one-way block " + from + "->" + to;
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.blockOneWay(from, to);
      return FaultOutcome.done(describe(), 0, List.of(from, to));
    }

    public List<Integer> nodesNamed() {
      return List.of(from, to);
    }

    public String problem() {
      return from == to ? "a one-way block needs two different nodes, got " + from + "->" + to : null;
    }
  }

  /** Restores full connectivity and default link behaviour (no extra loss, duplication or delay). */
  @JsonTypeName("heal-network")
  record HealNetwork() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "heal network";
    }

    public Effect effect() {
      return Effect.HEAL_NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.healNetwork();
      return FaultOutcome.done(describe(), 0);
    }
  }

  /** Crash-stop: volatile state lost, unsynced disk writes lost. Heal: restart. */
  @JsonTypeName("crash")
  record Crash(int node) implements OnNode {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "crash n" + node;
    }

    public Effect effect() {
      return Effect.PROCESS;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.crash(node, false);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Restarts a crashed node; it recovers from its disk. A no-op for a running node. */
  @JsonTypeName("restart")
  record Restart(int node) implements OnNode {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "restart n" + node;
    }

    public Effect effect() {
      return Effect.RESTART;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.restart(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Stops the world on a node for a while (a GC pause, a VM migration); it resumes by itself. */
  @JsonTypeName("pause")
  record Pause(int node, long durationNanos) implements OnNode {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "pause n" + node + " for " + (durationNanos / 1_000_000) + "ms";
    }

    public Effect effect() {
      return Effect.PAUSE;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.pause(node, durationNanos);
      return new FaultOutcome(describe(), node, true, durationNanos);
    }

    public String problem() {
      return durationNanos < 0 ? "a pause cannot last a negative time (" + durationNanos + " ns)" : null;
    }
  }

  /** Crashes a node and erases its disk; it restarts empty (only valid with care: it forgets votes). */
  @JsonTypeName("wipe")
  record Wipe(int node) implements OnNode {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "wipe n" + node;
    }

    public Effect effect() {
      return Effect.DISK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.wipe(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Sets a node's clock offset and drift (parts per million). Heal: offset 0, drift 0. */
  @JsonTypeName("clock-skew")
  record ClockSkew(int node, long offsetNanos, long driftPpm) implements OnNode {
    public Fault heal() {
      return new ClockSkew(node, 0, 0);
    }

    public String describe() {
      return "clock n" + node + " offset " + (offsetNanos / 1_000_000) + "ms drift " + driftPpm + "ppm";
    }

    public Effect effect() {
      return Effect.CLOCK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.setClock(node, offsetNanos, driftPpm);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Jumps a node's clock by {@code deltaNanos} (negative: backwards). */
  @JsonTypeName("clock-jump")
  record ClockJump(int node, long deltaNanos) implements OnNode {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "clock jump n" + node + " by " + (deltaNanos / 1_000_000) + "ms";
    }

    public Effect effect() {
      return Effect.CLOCK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.jumpClock(node, deltaNanos);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Every link drops this fraction of messages. Heal: heal network. */
  @JsonTypeName("loss")
  record Loss(double rate) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "loss " + rate;
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.setLoss(rate);
      return FaultOutcome.done(describe(), 0);
    }

    public String problem() {
      return rate >= 0 && rate <= 1 ? null : "a loss rate is a fraction in [0, 1], got " + rate;
    }
  }

  /** Every link delivers this fraction of messages twice. */
  @JsonTypeName("duplicate")
  record Duplicate(double rate) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "duplicate " + rate;
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.setDuplication(rate);
      return FaultOutcome.done(describe(), 0);
    }

    public String problem() {
      return rate >= 0 && rate <= 1 ? null : "a duplication rate is a fraction in [0, 1], got " + rate;
    }
  }

  /** Every link's latency becomes uniform in [minMicros, maxMicros]; a wide range reorders. */
  @JsonTypeName("delay")
  record Delay(long minMicros, long maxMicros) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "delay " + minMicros + ".." + maxMicros + "us";
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.setDelay(minMicros, maxMicros);
      return FaultOutcome.done(describe(), 0);
    }

    public String problem() {
      return minMicros >= 0 && minMicros <= maxMicros ? null
          : "a delay needs 0 <= minMicros <= maxMicros, got " + minMicros + ".." + maxMicros;
    }
  }

  /** Holds every message to and from a node (not dropped) until unclogged. */
  @JsonTypeName("clog")
  record Clog(int node) implements OnNode {
    public Fault heal() {
      return new Unclog(node);
    }

    public String describe() {
      return "clog n" + node;
    }

    public Effect effect() {
      return Effect.CLOG;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.clog(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Releases a clogged node's held messages. */
  @JsonTypeName("unclog")
  record Unclog(int node) implements OnNode {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "unclog n" + node;
    }

    public Effect effect() {
      return Effect.UNCLOG;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.unclog(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Crashes a node so that its last unsynced write is torn (a prefix survives). Heal: restart. */
  @JsonTypeName("torn-write")
  record TornWrite(int node) implements OnNode {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "torn write + crash n" + node;
    }

    public Effect effect() {
      return Effect.PROCESS;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.crash(node, true);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Flips one random bit in a node's durable data (the log's checksums must catch it). */
  @JsonTypeName("bit-flip")
  record BitFlip(int node) implements OnNode {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "bit flip on n" + node;
    }

    public Effect effect() {
      return Effect.DISK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.flipBit(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** The node's next sync fails (the data is not made durable). */
  @JsonTypeName("sync-fail")
  record SyncFail(int node) implements OnNode {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "sync failure on n" + node;
    }

    public Effect effect() {
      return Effect.DISK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.failNextSync(node);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** Crashes whichever node is leader when the fault fires (nothing if there is none). */
  @JsonTypeName("kill-leader")
  record KillLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "kill the leader";
    }

    public Effect effect() {
      return Effect.PROCESS;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      cluster.crash(leader, false);
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader);
    }
  }

  /** Cuts the current leader off from every other node. */
  @JsonTypeName("isolate-leader")
  record IsolateLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "isolate the leader";
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      cluster.partition(new int[][] {{leader}, java.util.Arrays.stream(cluster.nodes()).filter(n -> n != leader).toArray()});
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader);
    }
  }

  /** Partitions the cluster so that the current leader is on the minority side. */
  @JsonTypeName("leader-to-minority")
  record LeaderToMinority() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "partition the leader into the minority";
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      int[][] sides = FaultApplier.minorityWith(leader, cluster.nodes());
      cluster.partition(sides);
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader, FaultApplier.listOf(sides[0]));
    }
  }

  /**
   * Holds every message to and from the current leader (not dropped) until the network heals: the rest
   * elect a successor meanwhile, and the old leader's held appends and heartbeats arrive late, in a newer
   * term. Heal: heal the network (which releases them).
   */
  @JsonTypeName("clog-leader")
  record ClogLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "clog the leader";
    }

    public Effect effect() {
      return Effect.CLOG;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      cluster.clog(leader);
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader);
    }
  }

  /**
   * Blocks every link from the current leader to the other nodes, one way: it still hears its peers and its
   * clients, and keeps appending their commands, but nothing it sends reaches a peer. It gathers an
   * uncommitted tail of its own term while the rest elect a successor. Heal: heal the network.
   */
  @JsonTypeName("mute-leader")
  record MuteLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "mute the leader";
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      for (int peer : cluster.nodes()) {
        if (peer != leader) {
          cluster.blockOneWay(leader, peer);
        }
      }
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader);
    }
  }

  /**
   * Holds, one way and without dropping, everything the nodes {@link LeaderToMinority} would place beside the
   * current leader (its successors in ring order) send to it, until the network heals. Those nodes still
   * hear the leader and acknowledge its appends; the acknowledgements reach it only at the heal, perhaps
   * after it has lost leadership and won it again in a later term. Heal: heal the network (which releases
   * them).
   */
  @JsonTypeName("clog-minority-to-leader")
  record ClogMinorityToLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "clog the minority's links to the leader";
    }

    public Effect effect() {
      return Effect.NETWORK;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      int[] minority = FaultApplier.minorityWith(leader, cluster.nodes())[0];
      for (int partner : minority) {
        if (partner != leader) {
          cluster.clogLink(partner, leader);
        }
      }
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader, FaultApplier.listOf(minority));
    }
  }

  /**
   * Sets a node's clock drift from now on, without a jump (its local time stays continuous): {@code driftPpm}
   * parts per million faster (negative: slower) than true time. Heal: drift 0.
   */
  @JsonTypeName("clock-drift")
  record ClockDrift(int node, long driftPpm) implements OnNode {
    public Fault heal() {
      return new ClockDrift(node, 0);
    }

    public String describe() {
      return "clock drift n" + node + " " + driftPpm + " ppm";
    }

    public Effect effect() {
      return Effect.CLOCK;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.setDrift(node, driftPpm);
      return FaultOutcome.done(describe(), node);
    }
  }

  /** {@link ClockDrift} of whichever node is leader when the fault fires. Heal: heal all. */
  @JsonTypeName("leader-clock-drift")
  record LeaderClockDrift(long driftPpm) implements LeaderTargeted {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "clock drift of the leader " + driftPpm + " ppm";
    }

    public Effect effect() {
      return Effect.CLOCK;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      cluster.setDrift(leader, driftPpm);
      return FaultOutcome.done(describe() + " (n" + leader + ")", leader);
    }
  }

  /**
   * Stops the world on whichever node leads when the fault fires, for {@code durationNanos} (a long GC pause or a
   * VM migration of the leader): it keeps its term and its lease while its followers time out and elect a successor,
   * and on resuming it acts on what it held before it learns of the newer term. It resumes by itself.
   */
  @JsonTypeName("pause-leader")
  record PauseLeader(long durationNanos) implements LeaderTargeted {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "pause the leader for " + (durationNanos / 1_000_000) + "ms";
    }

    public Effect effect() {
      return Effect.PAUSE;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      cluster.pause(leader, durationNanos);
      return new FaultOutcome(describe() + " (n" + leader + ")", leader, true, durationNanos);
    }

    public String problem() {
      return durationNanos < 0 ? "a pause cannot last a negative time (" + durationNanos + " ns)" : null;
    }
  }

  /** Heals everything: network restored, crashed nodes restarted, clocks corrected. */
  @JsonTypeName("heal-all")
  record HealAll() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "heal all";
    }

    public Effect effect() {
      return Effect.HEAL_ALL;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.disarmAll();
      cluster.healNetwork();
      cluster.healProcesses();
      return FaultOutcome.done(describe(), 0);
    }
  }

  /**
   * Arms an event-triggered fault: for the next {@code windowMillis}, each time {@code step} is seen (at most
   * {@code times} times), {@code delayMicros} later apply {@code reaction} to {@code target}, undone after
   * {@code holdMillis}. Faults at a random time rarely land between a vote request and the sync of the vote,
   * or right after one follower acknowledged an entry; a trigger lands there on purpose. The trigger
   * expires by itself; a heal-all (and {@link Disarm}) disarms it at once.
   */
  @JsonTypeName("on-step")
  record OnStep(ProtocolStep step, StepTarget target, StepReaction reaction, long delayMicros, long holdMillis,
      int times, long windowMillis) implements Fault {
    public OnStep {
      if (step == null || target == null || reaction == null) {
        throw new IllegalArgumentException("on-step needs a step, a target and a reaction");
      }
      if (delayMicros < 0 || holdMillis < 1 || times < 1 || windowMillis < 1) {
        throw new IllegalArgumentException("on-step needs delayMicros >= 0, holdMillis >= 1, times >= 1 and "
            + "windowMillis >= 1");
      }
    }

    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      String what = reaction.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      String who = target.name().toLowerCase(java.util.Locale.ROOT);
      String on = step.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      return "on " + on + " (up to " + times + "x in " + windowMillis + " ms): " + what + " the " + who + " after "
          + delayMicros + " us for " + holdMillis + " ms";
    }

    public Effect effect() {
      return Effect.TRIGGER;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.arm(this);
      return FaultOutcome.done(describe(), 0);
    }
  }

  /** Disarms every armed {@link OnStep} trigger (reactions already fired still run their course). */
  @JsonTypeName("disarm")
  record Disarm() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "disarm triggers";
    }

    public Effect effect() {
      return Effect.DISARM;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      cluster.disarmAll();
      return FaultOutcome.done(describe(), 0);
    }
  }

  /**
   * An operator's leadership transfer (dissertation 3.10), as in a rolling restart: the current leader is
   * asked to hand over to {@code to}, or with {@code to == 0} to its successor in ring order. Not a failure but
   * a protocol path of its own (TimeoutNow, an election that skips the voters' leader stickiness, a lease given
   * up early). Heal: nothing to undo.
   */
  @JsonTypeName("transfer-leader")
  record TransferLeader(int to) implements LeaderTargeted {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return to == 0 ? "transfer leadership to the leader's successor" : "transfer leadership to n" + to;
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyToLeader(int leader, FaultActuator cluster) {
      int successor = to != 0 ? to : FaultApplier.successor(leader, cluster.nodes());
      if (successor == leader) {
        return FaultOutcome.nothingDone(this, "n" + leader + " is alone");
      }
      cluster.transferLeadership(leader, successor);
      return FaultOutcome.done(describe() + " (n" + leader + " to n" + successor + ")", leader,
          List.of(leader, successor));
    }

    public List<Integer> nodesNamed() {
      return to == 0 ? List.of() : List.of(to); // 0: the leader's successor
    }
  }

  /**
   * An operator adds a host (dissertation §4.2.1): a new node process under the next unused id starts with the
   * cluster's bootstrap peers, the leader adds it as a learner, and once it has caught up promotes it to voter.
   * The harness drives both changes through the leader, retrying while there is none or it refuses (a change
   * already in flight, no entry of its term committed yet). Heal: nothing to undo.
   */
  @JsonTypeName("add-node")
  record AddNode() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "add a node";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      int added = cluster.addNode();
      return FaultOutcome.done(describe() + " (n" + added + ")", added);
    }

    public boolean takesNewId() {
      return true;
    }
  }

  /**
   * An operator removes host {@code node} through the leader (a voter or a learner; the leader itself steps
   * down once its own removal commits). The removed process is stopped once its removal commits and never
   * restarts. Nothing is done when {@code node} is no member. Heal: nothing to undo.
   */
  @JsonTypeName("remove-node")
  record RemoveNode(int node) implements OnNode {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "remove n" + node;
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      return cluster.removeNode(node) ? FaultOutcome.done(describe(), node)
          : FaultOutcome.nothingDone(this, "no member");
    }
  }

  /**
   * An operator replaces the machine of host {@code node} after losing its disk: the node is removed, its disk
   * wiped, and a new host is added under a NEW id ({@link AddNode}): a wiped host never returns under its old id,
   * which could vote twice in a term or forget entries it acknowledged. Heal: nothing to undo.
   */
  @JsonTypeName("replace-node")
  record ReplaceNode(int node) implements OnNode {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "replace n" + node + " by a new node";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      int added = cluster.replaceNode(node);
      return added == 0 ? FaultOutcome.nothingDone(this, "no member")
          : FaultOutcome.done(describe() + " (n" + added + ")", added);
    }

    public boolean takesNewId() {
      return true;
    }
  }

  /**
   * A new host asks to join through the rejoin handshake (join request, the leader's challenge, an HMAC proof with
   * the cluster secret): a new node under the next unused id, which the leader admits as a learner once the proof
   * verifies; promoted once caught up, as for {@link AddNode}. Heal: nothing to undo.
   */
  @JsonTypeName("join-node")
  record JoinNode() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "a new host joins by handshake";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      int added = cluster.joinNode();
      return FaultOutcome.done(describe() + " (n" + added + ")", added);
    }

    public boolean takesNewId() {
      return true;
    }
  }

  /**
   * The host of {@code node} loses its disk and comes back: its old node is wiped and stopped for good, the host
   * runs the handshake under its NEXT incarnation as a new node id (the next unused one), and the operator removes
   * the old id. A wiped host never votes under its old identity. Nothing is done when {@code node} is no member, or
   * when losing its disk would leave fewer than a majority of the voters with theirs (Raft does not survive that).
   * Heal: nothing to undo.
   */
  @JsonTypeName("rejoin")
  record Rejoin(int node) implements OnNode {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "n" + node + " loses its disk and rejoins under a new incarnation";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      int added = cluster.rejoin(node);
      return added == 0 ? FaultOutcome.nothingDone(this, "no member, or a majority of disks at stake")
          : FaultOutcome.done(describe() + " (n" + added + ")", added);
    }

    public boolean takesNewId() {
      return true;
    }
  }

  /**
   * A host without the cluster secret (its proof is keyed by another one) asks to join under the next unused id,
   * again and again; the leader must refuse every proof and never admit it. Heal: nothing to undo.
   */
  @JsonTypeName("rejoin-with-bad-secret")
  record RejoinWithBadSecret() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "a host with a wrong secret tries to join";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      int added = cluster.joinWithBadSecret();
      return FaultOutcome.done(describe() + " (n" + added + ")", added);
    }

    public boolean takesNewId() {
      return true;
    }
  }

  /**
   * The nemesis resends the latest join proof it captured on the wire to whichever node leads now: a replay the
   * leader must refuse (its nonce was answered, or never issued by this leader). Nothing happens when no proof was
   * captured yet. Heal: nothing to undo.
   */
  @JsonTypeName("replay-handshake")
  record ReplayHandshake() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "replay a captured join proof";
    }

    public Effect effect() {
      return Effect.OPERATOR;
    }

    public FaultOutcome applyTo(FaultActuator cluster) {
      return cluster.replayHandshake() ? FaultOutcome.done(describe(), 0)
          : FaultOutcome.nothingDone(this, "none captured or no leader");
    }
  }
}
