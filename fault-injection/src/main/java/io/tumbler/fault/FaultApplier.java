package io.tumbler.fault;

import io.tumbler.fault.Fault.BitFlip;
import io.tumbler.fault.Fault.ClockJump;
import io.tumbler.fault.Fault.ClockDrift;
import io.tumbler.fault.Fault.ClockSkew;
import io.tumbler.fault.Fault.ClogLeader;
import io.tumbler.fault.Fault.Clog;
import io.tumbler.fault.Fault.ClogMinorityToLeader;
import io.tumbler.fault.Fault.Crash;
import io.tumbler.fault.Fault.Delay;
import io.tumbler.fault.Fault.Duplicate;
import io.tumbler.fault.Fault.HealAll;
import io.tumbler.fault.Fault.HealNetwork;
import io.tumbler.fault.Fault.IsolateLeader;
import io.tumbler.fault.Fault.KillLeader;
import io.tumbler.fault.Fault.LeaderClockDrift;
import io.tumbler.fault.Fault.LeaderToMinority;
import io.tumbler.fault.Fault.MuteLeader;
import io.tumbler.fault.Fault.Loss;
import io.tumbler.fault.Fault.OneWay;
import io.tumbler.fault.Fault.Partition;
import io.tumbler.fault.Fault.Pause;
import io.tumbler.fault.Fault.Restart;
import io.tumbler.fault.Fault.SyncFail;
import io.tumbler.fault.Fault.TornWrite;
import io.tumbler.fault.Fault.Unclog;
import io.tumbler.fault.Fault.Wipe;
import java.util.Arrays;

/** Applies faults to a {@link FaultActuator}, resolving leader targets when each fires. */
public final class FaultApplier {
  private FaultApplier() {}

  /**
   * Applies {@code fault}; returns a description of what was actually done (for the journal), e.g.
   * "kill the leader (n3)" or "kill the leader (no leader: nothing done)".
   */
  public static String apply(Fault fault, FaultActuator cluster) {
    if (fault instanceof Fault.LeaderTargeted targeted) {
      return applyLeaderTargeted(targeted, cluster);
    }
    if (fault instanceof Fault.AddNode || fault instanceof Fault.RemoveNode || fault instanceof Fault.ReplaceNode) {
      return applyMembership(fault, cluster);
    }
    if (fault instanceof Fault.JoinNode || fault instanceof Fault.Rejoin || fault instanceof Fault.RejoinWithBadSecret
        || fault instanceof Fault.ReplayHandshake) {
      return applyHandshake(fault, cluster);
    }
    applyNetwork(fault, cluster);
    applyProcess(fault, cluster);
    return fault.describe();
  }

  /** A membership change, driven by the cluster through its leader; says which id joined, or that none did. */
  private static String applyMembership(Fault fault, FaultActuator c) {
    if (fault instanceof Fault.AddNode) {
      return fault.describe() + " (n" + c.addNode() + ")";
    }
    if (fault instanceof Fault.RemoveNode r) {
      return c.removeNode(r.node()) ? fault.describe() : fault.describe() + " (no member: nothing done)";
    }
    int added = c.replaceNode(((Fault.ReplaceNode) fault).node());
    return added == 0 ? fault.describe() + " (no member: nothing done)" : fault.describe() + " (n" + added + ")";
  }

  /** A host joining, rejoining or impersonating through the handshake, or a captured proof replayed. */
  private static String applyHandshake(Fault fault, FaultActuator c) {
    if (fault instanceof Fault.JoinNode) {
      return fault.describe() + " (n" + c.joinNode() + ")";
    }
    if (fault instanceof Fault.RejoinWithBadSecret) {
      return fault.describe() + " (n" + c.joinWithBadSecret() + ")";
    }
    if (fault instanceof Fault.ReplayHandshake) {
      return c.replayHandshake() ? fault.describe() : fault.describe() + " (none captured or no leader: nothing done)";
    }
    int added = c.rejoin(((Fault.Rejoin) fault).node());
    return added == 0 ? fault.describe() + " (no member, or a majority of disks at stake: nothing done)"
        : fault.describe() + " (n" + added + ")";
  }

  private static void applyNetwork(Fault fault, FaultActuator c) {
    if (fault instanceof Partition p) {
      c.partition(p.groups().stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new));
    } else if (fault instanceof OneWay o) {
      c.blockOneWay(o.from(), o.to());
    } else if (fault instanceof HealNetwork) {
      c.healNetwork();
    } else if (fault instanceof Loss l) {
      c.setLoss(l.rate());
    } else if (fault instanceof Duplicate d) {
      c.setDuplication(d.rate());
    } else if (fault instanceof Delay d) {
      c.setDelay(d.minMicros(), d.maxMicros());
    } else if (fault instanceof Clog k) {
      c.clog(k.node());
    } else if (fault instanceof Unclog u) {
      c.unclog(u.node());
    }
  }

  private static void applyProcess(Fault fault, FaultActuator c) {
    if (fault instanceof Crash k) {
      c.crash(k.node(), false);
    } else if (fault instanceof TornWrite t) {
      c.crash(t.node(), true);
    } else if (fault instanceof Restart r) {
      c.restart(r.node());
    } else if (fault instanceof Pause p) {
      c.pause(p.node(), p.durationNanos());
    } else if (fault instanceof Wipe w) {
      c.wipe(w.node());
    } else if (fault instanceof ClockSkew s) {
      c.setClock(s.node(), s.offsetNanos(), s.driftPpm());
    } else if (fault instanceof ClockDrift d) {
      c.setDrift(d.node(), d.driftPpm());
    } else if (fault instanceof ClockJump j) {
      c.jumpClock(j.node(), j.deltaNanos());
    } else if (fault instanceof BitFlip b) {
      c.flipBit(b.node());
    } else if (fault instanceof SyncFail s) {
      c.failNextSync(s.node());
    } else if (fault instanceof HealAll) {
      c.disarmAll();
      c.healNetwork();
      c.healProcesses();
    } else if (fault instanceof Fault.OnStep trigger) {
      c.arm(trigger);
    } else if (fault instanceof Fault.Disarm) {
      c.disarmAll();
    }
  }

  private static String applyLeaderTargeted(Fault.LeaderTargeted fault, FaultActuator c) {
    int leader = c.currentLeader();
    if (leader == 0) {
      return fault.describe() + " (no leader: nothing done)";
    }
    if (fault instanceof KillLeader) {
      c.crash(leader, false);
    } else if (fault instanceof ClogLeader) {
      c.clog(leader);
    } else if (fault instanceof LeaderClockDrift d) {
      c.setDrift(leader, d.driftPpm());
    } else if (fault instanceof ClogMinorityToLeader) {
      for (int partner : minorityWith(leader, c.nodes())[0]) {
        if (partner != leader) {
          c.clogLink(partner, leader);
        }
      }
    } else if (fault instanceof MuteLeader) {
      for (int peer : c.nodes()) {
        if (peer != leader) {
          c.blockOneWay(leader, peer);
        }
      }
    } else if (fault instanceof Fault.TransferLeader t) {
      int to = t.to() != 0 ? t.to() : successor(leader, c.nodes());
      if (to == leader) {
        return fault.describe() + " (n" + leader + " is alone: nothing done)";
      }
      c.transferLeadership(leader, to);
      return fault.describe() + " (n" + leader + " to n" + to + ")";
    } else if (fault instanceof IsolateLeader) {
      int[] others = Arrays.stream(c.nodes()).filter(n -> n != leader).toArray();
      c.partition(new int[][] {{leader}, others});
    } else if (fault instanceof LeaderToMinority) {
      c.partition(minorityWith(leader, c.nodes()));
    } else {
      throw new IllegalStateException("no way to apply leader-targeted fault " + fault);
    }
    return fault.describe() + " (n" + leader + ")";
  }

  /** The node after {@code leader} in ring order (the leader itself on a one-node cluster). */
  static int successor(int leader, int[] nodes) {
    for (int k = 0; k < nodes.length; k++) {
      if (nodes[k] == leader) {
        return nodes[(k + 1) % nodes.length];
      }
    }
    return leader;
  }

  /**
   * Two groups: the leader with its successors in ring order (as many as still leave it a minority), and
   * the rest. Ring order makes the choice deterministic and keeps neighbours together.
   */
  static int[][] minorityWith(int leader, int[] nodes) {
    int size = Math.max(1, (nodes.length - 1) / 2);
    int start = 0;
    while (nodes[start] != leader) {
      start++;
    }
    int[] minority = new int[size];
    int[] majority = new int[nodes.length - size];
    for (int k = 0; k < nodes.length; k++) {
      int node = nodes[(start + k) % nodes.length];
      if (k < size) {
        minority[k] = node;
      } else {
        majority[k - size] = node;
      }
    }
    return new int[][] {minority, majority};
  }
}
