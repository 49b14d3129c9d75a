package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault script of the {@code membership} scenario: operators adding, removing and replacing hosts while the
 * cluster is crashed, partitioned, paused and handed from leader to leader. The script plans the membership it
 * asks for (the bootstrap nodes, each {@link Fault.AddNode} and {@link Fault.ReplaceNode} taking the next id, each
 * removal taking one out), keeps it between one below and two above the bootstrap size, and aims its node faults
 * at planned members. A change the cluster has not finished when the next one comes simply waits its turn (the
 * harness retries through the leader); a fault aimed at a node already gone does nothing.
 */
final class MembershipFaults {
  private final RandomStream random;
  private final int bootstrap;
  private final List<Integer> members = new ArrayList<>();
  private final List<TimedFault> faults = new ArrayList<>();
  private int nextId;

  private MembershipFaults(RandomStream random, int bootstrap) {
    this.random = random;
    this.bootstrap = bootstrap;
    for (int id = 1; id <= bootstrap; id++) {
      members.add(id);
    }
    this.nextId = bootstrap + 1;
  }

  static FaultScript script() {
    return (random, cluster, safetyMillis) -> new MembershipFaults(random, cluster.nodes()).draw(safetyMillis);
  }

  private Schedule draw(long safetyMillis) {
    for (long t = 200 + random.nextLong(400); t < safetyMillis - 600; t += 150 + random.nextLong(600)) {
      if (random.chance(0.45)) {
        changeMembership(t);
      } else {
        disrupt(t, Math.min(safetyMillis - 1, t + 50 + random.nextLong(700)));
      }
    }
    return Schedule.of(faults);
  }

  private void changeMembership(long t) {
    int size = members.size();
    int choice = size < bootstrap ? 0 : size >= bootstrap + 2 ? 1 + random.nextInt(2) : random.nextInt(3);
    if (choice == 0) {
      faults.add(new TimedFault(t, new Fault.AddNode()));
      members.add(nextId++);
    } else if (choice == 1) {
      int node = members.remove(random.nextInt(size));
      faults.add(new TimedFault(t, new Fault.RemoveNode(node)));
    } else {
      int node = members.remove(random.nextInt(size));
      faults.add(new TimedFault(t, new Fault.ReplaceNode(node)));
      members.add(nextId++);
    }
  }

  /** One disruption from {@code at}, healed at {@code healAt}. */
  private void disrupt(long at, long healAt) {
    int node = members.get(random.nextInt(members.size()));
    switch (random.nextInt(7)) {
      case 0 -> window(at, healAt, new Fault.Crash(node), new Fault.Restart(node));
      case 1 -> window(at, healAt, new Fault.KillLeader(), new Fault.HealAll());
      case 2 -> window(at, healAt, new Fault.IsolateLeader(), new Fault.HealNetwork());
      case 3 -> window(at, healAt, new Fault.LeaderToMinority(), new Fault.HealNetwork());
      case 4 -> window(at, healAt, isolate(node), new Fault.HealNetwork());
      case 5 -> faults.add(new TimedFault(at, new Fault.Pause(node, (healAt - at) * 1_000_000L)));
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
