package io.tumbler.scenario.cluster;

import io.tumbler.fault.Fault;
import io.tumbler.fault.ProtocolStep;
import io.tumbler.fault.StepTarget;
import io.tumbler.sim.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The armed {@link Fault.OnStep} triggers of one run. The cluster reports every protocol step it sees
 * ({@link #seen}); a matching trigger schedules its reaction — concrete faults handed to the run's fault
 * sink, so they are applied and recorded like scheduled ones — and their undoing after the hold. Cheap when
 * nothing is armed (one size check per step). A disarm (heal-all) stops reactions that have fired but not
 * yet begun; their undoing still runs, which is harmless after a heal.
 */
final class StepTriggers {
  private static final long MILLIS = 1_000_000L;

  private final Simulation simulation;
  private final int[] nodeIds;
  private final IntSupplier leader;
  private final List<Armed> armed = new ArrayList<>();
  private Consumer<Fault> sink;
  private long generation;

  private static final class Armed {
    final Fault.OnStep trigger;
    final long expiresNanos;
    int left;

    Armed(Fault.OnStep trigger, long expiresNanos) {
      this.trigger = trigger;
      this.expiresNanos = expiresNanos;
      this.left = trigger.times();
    }
  }

  StepTriggers(Simulation simulation, int[] nodeIds, IntSupplier leader, Consumer<Fault> sink) {
    this.simulation = simulation;
    this.nodeIds = nodeIds.clone();
    this.leader = leader;
    this.sink = sink;
  }

  /** Where fired reactions go (the run's fault recorder); until set, the cluster applies them itself. */
  void sink(Consumer<Fault> faultSink) {
    this.sink = faultSink;
  }

  void arm(Fault.OnStep trigger) {
    armed.add(new Armed(trigger, simulation.nowNanos() + trigger.windowMillis() * MILLIS));
  }

  void disarmAll() {
    armed.clear();
    generation++;
  }

  /** True while no trigger is armed: the cluster skips classifying steps. */
  boolean idle() {
    return armed.isEmpty();
  }

  /** {@code step} happened at {@code observer}; {@code sender} is a delivery's sender (else the observer). */
  void seen(ProtocolStep step, int observer, int sender) {
    if (armed.isEmpty()) {
      return;
    }
    long now = simulation.nowNanos();
    armed.removeIf(a -> a.expiresNanos <= now || a.left <= 0);
    for (Armed a : armed) {
      if (a.trigger.step() == step && a.left > 0) {
        int target = resolve(a.trigger.target(), observer, sender);
        if (target > 0) {
          a.left--;
          fire(a.trigger, target, step, observer);
        }
      }
    }
  }

  private int resolve(StepTarget target, int observer, int sender) {
    return switch (target) {
      case OBSERVER -> observer;
      case SENDER -> sender;
      case LEADER -> leader.getAsInt();
    };
  }

  private void fire(Fault.OnStep trigger, int target, ProtocolStep step, int observer) {
    long start = simulation.nowNanos() + trigger.delayMicros() * 1_000;
    long firedIn = generation;
    List<Fault> begin = new ArrayList<>();
    List<Fault> undo = new ArrayList<>();
    reaction(trigger, target, begin, undo);
    String label = "trigger: " + step.name().toLowerCase(java.util.Locale.ROOT) + " at n" + observer + " -> "
        + trigger.reaction().name().toLowerCase(java.util.Locale.ROOT) + " n" + target;
    simulation.schedule(start, label, () -> {
      if (firedIn == generation) {
        begin.forEach(sink);
      }
    });
    simulation.schedule(start + trigger.holdMillis() * MILLIS, "trigger undo n" + target, () -> undo.forEach(sink));
  }

  private void reaction(Fault.OnStep trigger, int node, List<Fault> begin, List<Fault> undo) {
    switch (trigger.reaction()) {
      case CRASH -> {
        begin.add(new Fault.Crash(node));
        undo.add(new Fault.Restart(node));
      }
      case TORN_CRASH -> {
        begin.add(new Fault.TornWrite(node));
        undo.add(new Fault.Restart(node));
      }
      case PAUSE -> begin.add(new Fault.Pause(node, trigger.holdMillis() * MILLIS));
      case ISOLATE -> {
        begin.add(new Fault.Partition(List.of(List.of(node), others(node))));
        undo.add(new Fault.HealNetwork());
      }
      case CLOG -> {
        begin.add(new Fault.Clog(node));
        undo.add(new Fault.Unclog(node));
      }
      case SLOW_NETWORK -> {
        begin.add(new Fault.Delay(200, 30_000));
        begin.add(new Fault.Duplicate(0.3));
        undo.add(new Fault.HealNetwork());
      }
    }
  }

  private List<Integer> others(int node) {
    List<Integer> out = new ArrayList<>();
    for (int id : nodeIds) {
      if (id != node) {
        out.add(id);
      }
    }
    return out;
  }
}
