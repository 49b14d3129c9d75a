package io.tumbler.fault;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Fault.Partition.class, name = "partition"),
  @JsonSubTypes.Type(value = Fault.OneWay.class, name = "one-way"),
  @JsonSubTypes.Type(value = Fault.HealNetwork.class, name = "heal-network"),
  @JsonSubTypes.Type(value = Fault.Crash.class, name = "crash"),
  @JsonSubTypes.Type(value = Fault.Restart.class, name = "restart"),
  @JsonSubTypes.Type(value = Fault.Pause.class, name = "pause"),
  @JsonSubTypes.Type(value = Fault.Wipe.class, name = "wipe"),
  @JsonSubTypes.Type(value = Fault.ClockSkew.class, name = "clock-skew"),
  @JsonSubTypes.Type(value = Fault.ClockJump.class, name = "clock-jump"),
  @JsonSubTypes.Type(value = Fault.Loss.class, name = "loss"),
  @JsonSubTypes.Type(value = Fault.Duplicate.class, name = "duplicate"),
  @JsonSubTypes.Type(value = Fault.Delay.class, name = "delay"),
  @JsonSubTypes.Type(value = Fault.Clog.class, name = "clog"),
  @JsonSubTypes.Type(value = Fault.Unclog.class, name = "unclog"),
  @JsonSubTypes.Type(value = Fault.TornWrite.class, name = "torn-write"),
  @JsonSubTypes.Type(value = Fault.BitFlip.class, name = "bit-flip"),
  @JsonSubTypes.Type(value = Fault.SyncFail.class, name = "sync-fail"),
  @JsonSubTypes.Type(value = Fault.KillLeader.class, name = "kill-leader"),
  @JsonSubTypes.Type(value = Fault.IsolateLeader.class, name = "isolate-leader"),
  @JsonSubTypes.Type(value = Fault.LeaderToMinority.class, name = "leader-to-minority"),
  @JsonSubTypes.Type(value = Fault.ClogLeader.class, name = "clog-leader"),
  @JsonSubTypes.Type(value = Fault.MuteLeader.class, name = "mute-leader"),
  @JsonSubTypes.Type(value = Fault.ClogMinorityToLeader.class, name = "clog-minority-to-leader"),
  @JsonSubTypes.Type(value = Fault.ClockDrift.class, name = "clock-drift"),
  @JsonSubTypes.Type(value = Fault.LeaderClockDrift.class, name = "leader-clock-drift"),
  @JsonSubTypes.Type(value = Fault.HealAll.class, name = "heal-all"),
  @JsonSubTypes.Type(value = Fault.OnStep.class, name = "on-step"),
  @JsonSubTypes.Type(value = Fault.Disarm.class, name = "disarm"),
  @JsonSubTypes.Type(value = Fault.TransferLeader.class, name = "transfer-leader"),
  @JsonSubTypes.Type(value = Fault.AddNode.class, name = "add-node"),
  @JsonSubTypes.Type(value = Fault.RemoveNode.class, name = "remove-node"),
  @JsonSubTypes.Type(value = Fault.ReplaceNode.class, name = "replace-node"),
  @JsonSubTypes.Type(value = Fault.JoinNode.class, name = "join-node"),
  @JsonSubTypes.Type(value = Fault.Rejoin.class, name = "rejoin"),
  @JsonSubTypes.Type(value = Fault.RejoinWithBadSecret.class, name = "rejoin-with-bad-secret"),
  @JsonSubTypes.Type(value = Fault.ReplayHandshake.class, name = "replay-handshake"),
})
public sealed interface Fault {

  /** The fault that undoes this one, or {@link HealAll} when only a full heal does. */
  Fault heal();

  /** A short human description for reports and logs. */
  String describe();

  /** A fault aimed at whichever node leads when it fires, resolved then by {@link FaultApplier}. */
  sealed interface LeaderTargeted extends Fault {}

  /** Nodes in different groups cannot talk, both ways; nodes in no group are isolated. Heal: reconnect all. */
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
  }

  /** Messages from {@code from} to {@code to} are dropped; the reverse direction still flows. */
  record OneWay(int from, int to) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "one-way block " + from + "->" + to;
    }
  }

  /** Restores full connectivity and default link behaviour (no extra loss, duplication or delay). */
  record HealNetwork() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "heal network";
    }
  }

  /** Crash-stop: volatile state lost, unsynced disk writes lost. Heal: restart. */
  record Crash(int node) implements Fault {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "crash n" + node;
    }
  }

  /** Restarts a crashed node; it recovers from its disk. A no-op for a running node. */
  record Restart(int node) implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "restart n" + node;
    }
  }

  /** Stops the world on a node for a while (a GC pause, a VM migration); it resumes by itself. */
  record Pause(int node, long durationNanos) implements Fault {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "pause n" + node + " for " + (durationNanos / 1_000_000) + "ms";
    }
  }

  /** Crashes a node and erases its disk; it restarts empty (only valid with care: it forgets votes). */
  record Wipe(int node) implements Fault {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "wipe n" + node;
    }
  }

  /** Sets a node's clock offset and drift (parts per million). Heal: offset 0, drift 0. */
  record ClockSkew(int node, long offsetNanos, long driftPpm) implements Fault {
    public Fault heal() {
      return new ClockSkew(node, 0, 0);
    }

    public String describe() {
      return "clock n" + node + " offset " + (offsetNanos / 1_000_000) + "ms drift " + driftPpm + "ppm";
    }
  }

  /** Jumps a node's clock by {@code deltaNanos} (negative: backwards). */
  record ClockJump(int node, long deltaNanos) implements Fault {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "clock jump n" + node + " by " + (deltaNanos / 1_000_000) + "ms";
    }
  }

  /** Every link drops this fraction of messages. Heal: heal network. */
  record Loss(double rate) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "loss " + rate;
    }
  }

  /** Every link delivers this fraction of messages twice. */
  record Duplicate(double rate) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "duplicate " + rate;
    }
  }

  /** Every link's latency becomes uniform in [minMicros, maxMicros]; a wide range reorders. */
  record Delay(long minMicros, long maxMicros) implements Fault {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "delay " + minMicros + ".." + maxMicros + "us";
    }
  }

  /** Holds every message to and from a node (not dropped) until unclogged. */
  record Clog(int node) implements Fault {
    public Fault heal() {
      return new Unclog(node);
    }

    public String describe() {
      return "clog n" + node;
    }
  }

  /** Releases a clogged node's held messages. */
  record Unclog(int node) implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "unclog n" + node;
    }
  }

  /** Crashes a node so that its last unsynced write is torn (a prefix survives). Heal: restart. */
  record TornWrite(int node) implements Fault {
    public Fault heal() {
      return new Restart(node);
    }

    public String describe() {
      return "torn write + crash n" + node;
    }
  }

  /** Flips one random bit in a node's durable data (the log's checksums must catch it). */
  record BitFlip(int node) implements Fault {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "bit flip on n" + node;
    }
  }

  /** The node's next sync fails (the data is not made durable). */
  record SyncFail(int node) implements Fault {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "sync failure on n" + node;
    }
  }

  /** Crashes whichever node is leader when the fault fires (nothing if there is none). */
  record KillLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "kill the leader";
    }
  }

  /** Cuts the current leader off from every other node. */
  record IsolateLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "isolate the leader";
    }
  }

  /** Partitions the cluster so that the current leader is on the minority side. */
  record LeaderToMinority() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "partition the leader into the minority";
    }
  }

  /**
   * Holds every message to and from the current leader (not dropped) until the network heals: the rest
   * elect a successor meanwhile, and the old leader's held appends and heartbeats arrive late, in a newer
   * term. Heal: heal the network (which releases them).
   */
  record ClogLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "clog the leader";
    }
  }

  /**
   * Blocks every link from the current leader to the other nodes, one way: it still hears its peers and its
   * clients, and keeps appending their commands, but nothing it sends reaches a peer. It gathers an
   * uncommitted tail of its own term while the rest elect a successor. Heal: heal the network.
   */
  record MuteLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "mute the leader";
    }
  }

  /**
   * Holds, one way and without dropping, everything the nodes {@link LeaderToMinority} would place beside the
   * current leader (its successors in ring order) send to it, until the network heals. Those nodes still
   * hear the leader and acknowledge its appends; the acknowledgements reach it only at the heal, perhaps
   * after it has lost leadership and won it again in a later term. Heal: heal the network (which releases
   * them).
   */
  record ClogMinorityToLeader() implements LeaderTargeted {
    public Fault heal() {
      return new HealNetwork();
    }

    public String describe() {
      return "clog the minority's links to the leader";
    }
  }

  /**
   * Sets a node's clock drift from now on, without a jump (its local time stays continuous): {@code driftPpm}
   * parts per million faster (negative: slower) than true time. Heal: drift 0.
   */
  record ClockDrift(int node, long driftPpm) implements Fault {
    public Fault heal() {
      return new ClockDrift(node, 0);
    }

    public String describe() {
      return "clock drift n" + node + " " + driftPpm + " ppm";
    }
  }

  /** {@link ClockDrift} of whichever node is leader when the fault fires. Heal: heal all. */
  record LeaderClockDrift(long driftPpm) implements LeaderTargeted {
    public Fault heal() {
      return new HealAll();
    }

    public String describe() {
      return "clock drift of the leader " + driftPpm + " ppm";
    }
  }

  /** Heals everything: network restored, crashed nodes restarted, clocks corrected. */
  record HealAll() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "heal all";
    }
  }

  /**
   * Arms an event-triggered fault: for the next {@code windowMillis}, each time {@code step} is seen (at most
   * {@code times} times), {@code delayMicros} later apply {@code reaction} to {@code target}, undone after
   * {@code holdMillis}. Faults at a random time rarely land between a vote request and the sync of the vote,
   * or right after one follower acknowledged an entry; a trigger lands there on purpose. The trigger
   * expires by itself; a heal-all (and {@link Disarm}) disarms it at once.
   */
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
  }

  /** Disarms every armed {@link OnStep} trigger (reactions already fired still run their course). */
  record Disarm() implements Fault {
    public Fault heal() {
      return this;
    }

    public String describe() {
      return "disarm triggers";
    }
  }

  /**
   * An operator's leadership transfer (dissertation 3.10), as in a rolling restart: the current leader is
   * asked to hand over to {@code to}, or with {@code to == 0} to its successor in ring order. Not a failure but
   * a protocol path of its own (TimeoutNow, an election that skips the voters' leader stickiness, a lease given
   * up early). Heal: nothing to undo.
   */
  record TransferLeader(int to) implements LeaderTargeted {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return to == 0 ? "transfer leadership to the leader's successor" : "transfer leadership to n" + to;
    }
  }

  /**
   * An operator adds a host (dissertation §4.2.1): a new node process under the next unused id starts with the
   * cluster's bootstrap peers, the leader adds it as a learner, and once it has caught up promotes it to voter.
   * The harness drives both changes through the leader, retrying while there is none or it refuses (a change
   * already in flight, no entry of its term committed yet). Heal: nothing to undo.
   */
  record AddNode() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "add a node";
    }
  }

  /**
   * An operator removes host {@code node} through the leader (a voter or a learner; the leader itself steps
   * down once its own removal commits). The removed process is stopped once its removal commits and never
   * restarts. Nothing is done when {@code node} is no member. Heal: nothing to undo.
   */
  record RemoveNode(int node) implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "remove n" + node;
    }
  }

  /**
   * An operator replaces the machine of host {@code node} after losing its disk: the node is removed, its disk
   * wiped, and a new host is added under a NEW id ({@link AddNode}): a wiped host never returns under its old id,
   * which could vote twice in a term or forget entries it acknowledged. Heal: nothing to undo.
   */
  record ReplaceNode(int node) implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "replace n" + node + " by a new node";
    }
  }

  /**
   * A new host asks to join through the rejoin handshake (join request, the leader's challenge, an HMAC proof with
   * the cluster secret): a new node under the next unused id, which the leader admits as a learner once the proof
   * verifies; promoted once caught up, as for {@link AddNode}. Heal: nothing to undo.
   */
  record JoinNode() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "a new host joins by handshake";
    }
  }

  /**
   * The host of {@code node} loses its disk and comes back: its old node is wiped and stopped for good, the host
   * runs the handshake under its NEXT incarnation as a new node id (the next unused one), and the operator removes
   * the old id. A wiped host never votes under its old identity. Nothing is done when {@code node} is no member, or
   * when losing its disk would leave fewer than a majority of the voters with theirs (Raft does not survive that).
   * Heal: nothing to undo.
   */
  record Rejoin(int node) implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "n" + node + " loses its disk and rejoins under a new incarnation";
    }
  }

  /**
   * A host without the cluster secret (its proof is keyed by another one) asks to join under the next unused id,
   * again and again; the leader must refuse every proof and never admit it. Heal: nothing to undo.
   */
  record RejoinWithBadSecret() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "a host with a wrong secret tries to join";
    }
  }

  /**
   * The nemesis resends the latest join proof it captured on the wire to whichever node leads now: a replay the
   * leader must refuse (its nonce was answered, or never issued by this leader). Nothing happens when no proof was
   * captured yet. Heal: nothing to undo.
   */
  record ReplayHandshake() implements Fault {
    public Fault heal() {
      return new Disarm();
    }

    public String describe() {
      return "replay a captured join proof";
    }
  }
}
