package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.sim.random.RandomStream;

/**
 * The fault script of the {@code rejoin} scenario: hosts joining through the authenticated handshake, hosts
 * losing their disks and rejoining under a new incarnation, a host without the secret knocking, captured join
 * proofs replayed, members removed — among crashes, partitions, pauses and leader changes. Like
 * {@link MembershipFaults} it plans the ids each fault brings in (every join, rejoin and impostor takes the next
 * one), keeps the membership between one below and two above the bootstrap size, and aims node faults at planned
 * members (never at an impostor).
 */
final class RejoinFaults extends PlannedMembershipScript {
  /**
   * A host is wiped only while at least three members are planned: wiping one of two voters loses the quorum for
   * good (no change can commit without it), an operator's mistake rather than a fault the cluster must survive.
   */
  private static final int MIN_VOTERS_TO_WIPE = 3;

  private RejoinFaults(RandomStream random, int bootstrap) {
    super(random, bootstrap);
  }

  static FaultScript script() {
    return (random, cluster, safetyMillis) -> new RejoinFaults(random, cluster.nodes()).draw(safetyMillis, 0.5);
  }

  @Override
  void membershipStep(long t) {
    int size = members.size();
    int choice = random.nextInt(5);
    boolean grow = choice == 0 || choice == 1 && size < bootstrap || choice == 2 && size < MIN_VOTERS_TO_WIPE;
    if (grow && size < bootstrap + 2) {
      at(t, new Fault.JoinNode());
      members.add(nextId++);
    } else if (choice == 1) {
      int node = members.remove(random.nextInt(size));
      at(t, new Fault.RemoveNode(node));
    } else if (choice == 2 && size >= MIN_VOTERS_TO_WIPE) {
      int node = members.remove(random.nextInt(size));
      at(t, new Fault.Rejoin(node));
      members.add(nextId++);
    } else if (choice <= 3) {
      at(t, new Fault.RejoinWithBadSecret());
      nextId++;
    } else {
      at(t, new Fault.ReplayHandshake());
    }
  }

  @Override
  void disrupt(long at, long healAt) {
    int node = anyMember();
    switch (random.nextInt(6)) {
      case 0 -> window(at, healAt, new Fault.Crash(node), new Fault.Restart(node));
      case 1 -> window(at, healAt, new Fault.KillLeader(), new Fault.HealAll());
      case 2 -> window(at, healAt, new Fault.IsolateLeader(), new Fault.HealNetwork());
      case 3 -> window(at, healAt, isolate(node), new Fault.HealNetwork());
      case 4 -> pause(at, healAt, node);
      default -> at(at, new Fault.TransferLeader(0));
    }
  }
}
