package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault script of the {@code rejoin} scenario: hosts joining through the authenticated handshake, hosts
 * losing their disks and rejoining under a new incarnation, a host without the secret knocking, captured join
 * proofs replayed, members removed — among crashes, partitions, pauses and leader changes. Like
 * {@link MembershipFaults} it plans the ids each fault brings in (every join, rejoin and impostor takes the next
 * one), keeps the membership between one below and two above the bootstrap size, and aims node faults at planned
 * members (never at an impostor).
 */
final class RejoinFaults {
  /**
   * A host is wiped only while at least three members are planned: wiping one of two voters loses the quorum for
   * good (no change can commit without it), an operator's mistake rather than a fault the cluster must survive.
   */
  private static final int MIN_VOTERS_TO_WIPE = 3;
  private final RandomStream random;
  private final int bootstrap;
  private final List<Integer> members = new ArrayList<>();
  private final List<TimedFault> faults = new ArrayList<>();
  private int nextId;

  private RejoinFaults(RandomStream random, int bootstrap) {
    this.random = random;
    this.bootstrap = bootstrap;
    for (int id = 1; id <= bootstrap; id++) {
      members.add(id);
    }
    this.nextId = bootstrap + 1;
  }

  static FaultScript script() {
    return (random, cluster, safetyMillis) -> new RejoinFaults(random, cluster.nodes()).draw(safetyMillis);
  }

  private Schedule draw(long safetyMillis) {
    for (long t = 200 + random.nextLong(400); t < safetyMillis - 600; t += 150 + random.nextLong(600)) {
      if (random.chance(0.5)) {
        handshake(t);
      } else {
        disrupt(t, Math.min(safetyMillis - 1, t + 50 + random.nextLong(700)));
      }
    }
    return Schedule.of(faults);
  }

  private void handshake(long t) {
    int size = members.size();
    int choice = random.nextInt(5);
    boolean grow = choice == 0 || choice == 1 && size < bootstrap || choice == 2 && size < MIN_VOTERS_TO_WIPE;
    if (grow && size < bootstrap + 2) {
      faults.add(new TimedFault(t, new Fault.JoinNode()));
      members.add(nextId++);
    } else if (choice == 1) {
      int node = members.remove(random.nextInt(size));
      faults.add(new TimedFault(t, new Fault.RemoveNode(node)));
    } else if (choice == 2 && size >= MIN_VOTERS_TO_WIPE) {
      int node = members.remove(random.nextInt(size));
      faults.add(new TimedFault(t, new Fault.Rejoin(node)));
      members.add(nextId++);
    } else if (choice <= 3) {
      faults.add(new TimedFault(t, new Fault.RejoinWithBadSecret()));
      nextId++;
    } else {
      faults.add(new TimedFault(t, new Fault.ReplayHandshake()));
    }
  }

  /** One disruption from {@code at}, healed at {@code healAt}. */
  private void disrupt(long at, long healAt) {
    int node = members.get(random.nextInt(members.size()));
    switch (random.nextInt(6)) {
      case 0 -> window(at, healAt, new Fault.Crash(node), new Fault.Restart(node));
      case 1 -> window(at, healAt, new Fault.KillLeader(), new Fault.HealAll());
      case 2 -> window(at, healAt, new Fault.IsolateLeader(), new Fault.HealNetwork());
      case 3 -> window(at, healAt, isolate(node), new Fault.HealNetwork());
      case 4 -> faults.add(new TimedFault(at, new Fault.Pause(node, (healAt - at) * 1_000_000L)));
      default -> faults.add(new TimedFault(at, new Fault.TransferLeader(0)));
    }
  }

  private void window(long at, long healAt, Fault fault, Fault heal) {
    faults.add(new TimedFault(at, fault));
    faults.add(new TimedFault(healAt, heal));
  }

  private Fault isolate(int node) {
    List<Integer> others = new ArrayList<>(members);
    others.remove(Integer.valueOf(node));
    return new Fault.Partition(List.of(List.of(node), others));
  }
}
