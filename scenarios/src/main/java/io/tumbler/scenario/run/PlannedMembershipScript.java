package io.tumbler.scenario.run;

import io.tumbler.fault.Fault;
import io.tumbler.fault.Schedule;
import io.tumbler.fault.TimedFault;
import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the membership fault scripts ({@link MembershipFaults}, {@link RejoinFaults}) share: the membership they
 * plan (the bootstrap nodes, then each fault that brings a node in taking the next id), the schedule they build,
 * and the loop that alternates a membership step with a healed disruption aimed at a planned member. Each script
 * says what its membership step and its disruptions are; the draws come from {@link #random} in a fixed order.
 */
abstract class PlannedMembershipScript {
  final RandomStream random;
  final int bootstrap;
  /** The members the script has planned so far, in the order they came in. */
  final List<Integer> members = new ArrayList<>();
  final List<TimedFault> faults = new ArrayList<>();
  /** The id the next node brought in will take. */
  int nextId;

  PlannedMembershipScript(RandomStream random, int bootstrap) {
    this.random = random;
    this.bootstrap = bootstrap;
    for (int id = 1; id <= bootstrap; id++) {
      members.add(id);
    }
    this.nextId = bootstrap + 1;
  }

  /**
   * The schedule: from 200..600 ms, every 150..750 ms until 600 ms before the end of the safety phase, a
   * membership step with probability {@code stepChance}, else a disruption healed 50..750 ms later.
   */
  final Schedule draw(long safetyMillis, double stepChance) {
    for (long t = 200 + random.nextLong(400); t < safetyMillis - 600; t += 150 + random.nextLong(600)) {
      if (random.chance(stepChance)) {
        membershipStep(t);
      } else {
        disrupt(t, Math.min(safetyMillis - 1, t + 50 + random.nextLong(700)));
      }
    }
    return Schedule.of(faults);
  }

  abstract void membershipStep(long t);

  /** One disruption from {@code at}, healed at {@code healAt}. */
  abstract void disrupt(long at, long healAt);

  /** A planned member drawn at random, the target of a node fault. */
  final int anyMember() {
    return members.get(random.nextInt(members.size()));
  }

  final void at(long t, Fault fault) {
    faults.add(new TimedFault(t, fault));
  }

  final void window(long at, long healAt, Fault fault, Fault heal) {
    at(at, fault);
    at(healAt, heal);
  }

  final void pause(long at, long healAt, int node) {
    at(at, new Fault.Pause(node, (healAt - at) * 1_000_000L));
  }

  /** {@code node} cut off from the other planned members. */
  final Fault isolate(int node) {
    List<Integer> others = new ArrayList<>(members);
    others.remove(Integer.valueOf(node));
    return new Fault.Partition(List.of(List.of(node), others));
  }
}
