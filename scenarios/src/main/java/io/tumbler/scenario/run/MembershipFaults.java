package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.sim.random.RandomStream;

/**
 * The fault script of the {@code membership} scenario: operators adding, removing and replacing hosts while the
 * cluster is crashed, partitioned, paused and handed from leader to leader. The script plans the membership it
 * asks for (the bootstrap nodes, each {@link Fault.AddNode} and {@link Fault.ReplaceNode} taking the next id, each
 * removal taking one out), keeps it between one below and two above the bootstrap size, and aims its node faults
 * at planned members. A change the cluster has not finished when the next one comes simply waits its turn (the
 * harness retries through the leader); a fault aimed at a node already gone does nothing.
 */
final class MembershipFaults extends PlannedMembershipScript {
  private MembershipFaults(RandomStream random, int bootstrap) {
    super(random, bootstrap);
  }

  static FaultScript script() {
    return (random, cluster, safetyMillis) -> new MembershipFaults(random, cluster.nodes()).draw(safetyMillis, 0.45);
  }

  @Override
  void membershipStep(long t) {
    int size = members.size();
    int choice = size < bootstrap ? 0 : size >= bootstrap + 2 ? 1 + random.nextInt(2) : random.nextInt(3);
    if (choice == 0) {
      at(t, new Fault.AddNode());
      members.add(nextId++);
    } else if (choice == 1) {
      int node = members.remove(random.nextInt(size));
      at(t, new Fault.RemoveNode(node));
    } else {
      int node = members.remove(random.nextInt(size));
      at(t, new Fault.ReplaceNode(node));
      members.add(nextId++);
    }
  }

  @Override
  void disrupt(long at, long healAt) {
    int node = anyMember();
    switch (random.nextInt(7)) {
      case 0 -> window(at, healAt, new Fault.Crash(node), new Fault.Restart(node));
      case 1 -> window(at, healAt, new Fault.KillLeader(), new Fault.HealAll());
      case 2 -> window(at, healAt, new Fault.IsolateLeader(), new Fault.HealNetwork());
      case 3 -> window(at, healAt, new Fault.LeaderToMinority(), new Fault.HealNetwork());
      case 4 -> window(at, healAt, isolate(node), new Fault.HealNetwork());
      case 5 -> pause(at, healAt, node);
      default -> at(at, new Fault.TransferLeader(0));
    }
  }
}
