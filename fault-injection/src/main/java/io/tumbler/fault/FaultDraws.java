package io.tumbler.fault;

import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.List;

/** Turns a fault kind into concrete timed faults (the fault and its heal) with targets drawn at random. */
final class FaultDraws {
  private static final long MILLIS = 1_000_000L;
  /** Clock drift drawn without a lease to protect: up to 20% either way. */
  static final long DEFAULT_MAX_DRIFT_PPM = 200_000;
  private static final Fault SLOW_LINKS = new Fault.Delay(200, 30_000);
  private final RandomStream random;
  private final int nodes;
  private final long maxDriftPpm;

  FaultDraws(RandomStream random, int nodes, long maxDriftPpm) {
    this.random = random;
    this.nodes = nodes;
    this.maxDriftPpm = maxDriftPpm;
  }

  List<TimedFault> draw(FaultKind kind, long at, long healAt) {
    int node = 1 + random.nextInt(nodes);
    return switch (kind) {
      case PARTITION_HALVES -> window(at, healAt, halves());
      case PARTITION_ISOLATE_ONE -> window(at, healAt, isolate(node));
      case PARTITION_MAJORITY_RING -> majorityRing(at, healAt);
      case PARTITION_BRIDGE -> bridge(node, at, healAt);
      case ONE_WAY -> window(at, healAt, new Fault.OneWay(node, 1 + (node % nodes)));
      case LEADER_PARTITION -> window(at, healAt, random.chance(0.5) ? new Fault.IsolateLeader() : new Fault.LeaderToMinority());
      case KILL_LEADER -> window(at, healAt, new Fault.KillLeader());
      case CRASH -> window(at, healAt, new Fault.Crash(node));
      case TORN_WRITE -> window(at, healAt, new Fault.TornWrite(node));
      case PAUSE -> List.of(new TimedFault(at, new Fault.Pause(node, (healAt - at) * MILLIS)));
      case CLOCK_SKEW -> window(at, healAt, new Fault.ClockSkew(node, (random.nextLong(1_000) - 500) * MILLIS,
          random.nextLong(2 * maxDriftPpm + 1) - maxDriftPpm));
      case CLOCK_JUMP -> List.of(new TimedFault(at, new Fault.ClockJump(node, (random.nextLong(2_000) - 1_000) * MILLIS)),
          new TimedFault(healAt, new Fault.ClockSkew(node, 0, 0)));
      case CLOCK_STROBE -> strobe(node, at, healAt);
      case LOSS -> window(at, healAt, new Fault.Loss(0.05 + 0.45 * random.nextDouble()));
      case DUPLICATE -> window(at, healAt, new Fault.Duplicate(0.05 + 0.45 * random.nextDouble()));
      case DELAY -> window(at, healAt, new Fault.Delay(100 + random.nextLong(1_000), 5_000 + random.nextLong(100_000)));
      case CLOG -> window(at, healAt, new Fault.Clog(node));
      case SYNC_FAIL -> window(at, healAt, new Fault.SyncFail(node));
      case LEADER_MUTE -> window(at, healAt, new Fault.MuteLeader());
      case LEADER_CLOG -> random.chance(0.5) ? window(at, healAt, new Fault.ClogLeader())
          : List.of(new TimedFault(at, new Fault.LeaderToMinority()), new TimedFault(at, new Fault.ClogMinorityToLeader()),
              new TimedFault(healAt, new Fault.HealNetwork()));
      case TRIGGERED -> List.of(new TimedFault(at, triggered(healAt - at)));
      case LEADER_CASCADE -> leaderCascade(at, healAt);
      case ELECTION_BOUNCES -> electionBounces(at, healAt);
      case STALE_ACKS -> staleAcks(at, healAt);
      case MINORITY_CASCADE -> minorityCascade(at, healAt);
      case LEADER_DRIFT -> leaderDrift(at, healAt);
      case TRANSFER_LEADER -> transfer(node, at, healAt);
      case ADD_NODE -> List.of(new TimedFault(at, new Fault.AddNode()));
      case REMOVE_NODE -> List.of(new TimedFault(at, new Fault.RemoveNode(node)));
      case REPLACE_NODE -> List.of(new TimedFault(at, new Fault.ReplaceNode(node)));
    };
  }

  /** A trigger on a drawn step, target and reaction, armed for the fault's window. */
  private Fault.OnStep triggered(long windowMillis) {
    return triggered(random.pick(List.of(ProtocolStep.values())), windowMillis);
  }

  /**
   * A leadership transfer to a drawn node or the most caught-up one; in half the draws the hand-off itself is
   * a trigger (a drawn reaction on a drawn side when the successor gets its TimeoutNow), since the old leader
   * still leads while its successor campaigns.
   */
  private List<TimedFault> transfer(int node, long at, long healAt) {
    Fault transfer = new Fault.TransferLeader(random.chance(0.5) ? 0 : node);
    if (random.chance(0.5)) {
      return List.of(new TimedFault(at, transfer));
    }
    return List.of(new TimedFault(at, triggered(ProtocolStep.TRANSFER_RECEIVED, healAt - at)), new TimedFault(at, transfer));
  }

  private Fault.OnStep triggered(ProtocolStep step, long windowMillis) {
    StepTarget target = random.chance(0.6) ? StepTarget.OBSERVER
        : random.chance(0.6) ? StepTarget.LEADER : StepTarget.SENDER;
    StepReaction reaction = random.pick(List.of(StepReaction.values()));
    long delayMicros = random.chance(0.5) ? 0 : random.chance(0.5) ? random.nextLong(500) : random.nextLong(20_000);
    long holdMillis = 1 + random.nextLong(random.chance(0.5) ? 20 : 800);
    int times = 1 + random.nextInt(5);
    return new Fault.OnStep(step, target, reaction, delayMicros, holdMillis, times, Math.max(1, windowMillis));
  }

  private List<TimedFault> leaderCascade(long at, long healAt) {
    List<TimedFault> out = new ArrayList<>();
    long end = Math.min(healAt, at + 800);
    for (long t = at; t < end; t += 5 + random.nextLong(8)) {
      out.add(new TimedFault(t, new Fault.IsolateLeader()));
    }
    out.add(new TimedFault(end, new Fault.HealNetwork()));
    return out;
  }

  private List<TimedFault> electionBounces(long at, long healAt) {
    List<TimedFault> out = new ArrayList<>();
    out.add(new TimedFault(at, SLOW_LINKS));
    out.add(new TimedFault(at, new Fault.KillLeader()));
    long end = Math.min(healAt, at + 400);
    for (long t = at + 20 + random.nextLong(60); t + 5 < end; t += 8 + random.nextLong(12)) {
      int victim = 1 + random.nextInt(nodes);
      out.add(new TimedFault(t, new Fault.Crash(victim)));
      out.add(new TimedFault(t + 1 + random.nextLong(4), new Fault.Restart(victim)));
    }
    out.add(new TimedFault(end, new Fault.HealAll()));
    return out;
  }

  private List<TimedFault> staleAcks(long at, long healAt) {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      all.add(i);
    }
    long end = healAt;
    long rejoin = at + (end - at) * (30 + random.nextLong(30)) / 100;
    return List.of(new TimedFault(at, new Fault.LeaderToMinority()), new TimedFault(at, new Fault.ClogMinorityToLeader()),
        new TimedFault(rejoin, new Fault.Partition(List.of(all))),
        new TimedFault(Math.min(end - 1, rejoin + 30 + random.nextLong(40)), new Fault.IsolateLeader()),
        new TimedFault(end, new Fault.HealNetwork()));
  }

  private List<TimedFault> minorityCascade(long at, long healAt) {
    List<TimedFault> out = new ArrayList<>();
    out.add(new TimedFault(at, SLOW_LINKS));
    long end = healAt;
    for (long t = at; t < end; t += 250 + random.nextLong(100)) {
      out.add(new TimedFault(t, new Fault.LeaderToMinority()));
    }
    out.add(new TimedFault(end, new Fault.HealNetwork()));
    return out;
  }

  /** Every node drifts fast, the leader slow (both within the bound) and isolated; clocks true again after. */
  private List<TimedFault> leaderDrift(long at, long healAt) {
    long drift = Math.max(1, maxDriftPpm / 2 + random.nextLong(maxDriftPpm / 2 + 1));
    List<TimedFault> out = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      out.add(new TimedFault(at, new Fault.ClockDrift(i, drift)));
    }
    out.add(new TimedFault(at, new Fault.LeaderClockDrift(-drift)));
    out.add(new TimedFault(at, new Fault.IsolateLeader()));
    out.add(new TimedFault(healAt, new Fault.HealNetwork()));
    for (int i = 1; i <= nodes; i++) {
      out.add(new TimedFault(healAt, new Fault.ClockDrift(i, 0)));
    }
    return out;
  }

  private static List<TimedFault> window(long at, long healAt, Fault fault) {
    return List.of(new TimedFault(at, fault), new TimedFault(healAt, fault.heal()));
  }

  private Fault halves() {
    List<Integer> ids = shuffledNodes();
    int cut = 1 + random.nextInt(nodes - 1);
    return new Fault.Partition(List.of(ids.subList(0, cut), ids.subList(cut, nodes)));
  }

  private Fault isolate(int node) {
    List<Integer> others = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      if (i != node) {
        others.add(i);
      }
    }
    return new Fault.Partition(List.of(List.of(node), others));
  }

  /** Two sides that cannot talk, except through one bridge node that reaches both (one-way blocks, both ways). */
  private List<TimedFault> bridge(int bridgeNode, long at, long healAt) {
    List<Integer> ids = shuffledNodes();
    ids.remove(Integer.valueOf(bridgeNode));
    int cut = ids.size() / 2;
    List<TimedFault> out = new ArrayList<>();
    for (int a : ids.subList(0, cut)) {
      for (int b : ids.subList(cut, ids.size())) {
        out.add(new TimedFault(at, new Fault.OneWay(a, b)));
        out.add(new TimedFault(at, new Fault.OneWay(b, a)));
      }
    }
    out.add(new TimedFault(healAt, new Fault.HealNetwork()));
    return out;
  }

  /** Each node talks only to its two ring neighbours: blocks every other link, both ways. */
  private List<TimedFault> majorityRing(long at, long healAt) {
    List<TimedFault> out = new ArrayList<>();
    for (int a = 1; a <= nodes; a++) {
      for (int b = 1; b <= nodes; b++) {
        int distance = Math.floorMod(b - a, nodes);
        if (a != b && distance != 1 && distance != nodes - 1) {
          out.add(new TimedFault(at, new Fault.OneWay(a, b)));
        }
      }
    }
    out.add(new TimedFault(healAt, new Fault.HealNetwork()));
    return out;
  }

  private List<TimedFault> strobe(int node, long at, long healAt) {
    List<TimedFault> out = new ArrayList<>();
    long step = Math.max(10, (healAt - at) / 8);
    long sign = 1;
    for (long t = at; t < healAt; t += step) {
      out.add(new TimedFault(t, new Fault.ClockJump(node, sign * (50 + random.nextLong(200)) * MILLIS)));
      sign = -sign;
    }
    out.add(new TimedFault(healAt, new Fault.ClockSkew(node, 0, 0)));
    return out;
  }

  private List<Integer> shuffledNodes() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      ids.add(i);
    }
    random.shuffle(ids);
    return ids;
  }
}
