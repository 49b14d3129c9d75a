package io.tumbler.sut.microraft;

import io.microraft.executor.RaftNodeExecutor;
import io.tumbler.sut.NodeEnvironment;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * MicroRaft's executor on the simulator: tasks run one at a time as simulator events of the node's process (never
 * on another thread), delayed tasks on the node's monotonic clock, so a node's whole life is a sequence of
 * simulator events and dies with the process.
 *
 * <p>It also stands in for the thread that a blocking {@code fsync} would hold. MicroRaft's store contract says a
 * flush is durable when it returns, and MicroRaft sends votes and acknowledgements right after; the simulated disk
 * syncs asynchronously. So while a sync the store issued is in flight the node is <em>stalled</em>: no further task
 * runs, and what the current task sends (peer messages, client replies) is held in order and released only when
 * the sync completes — exactly what leaves a node whose thread blocked in {@code fsync}. A crash before then loses
 * the held messages with the unsynced data, as it would.
 *
 * <p>Time is dilated by {@link #TIME_DILATION}: MicroRaft's heartbeat settings are whole seconds, far coarser than
 * the simulated cluster's 100 ms election timeout, so MicroRaft's clock ({@link DilatedClock}) runs this many
 * times faster than the node's simulated clock and every delay it asks for is shortened by the same factor.
 * Consistent, so MicroRaft sees a world where the network is that many times slower; nothing else changes.
 */
final class SimExecutor implements RaftNodeExecutor {
  /** How many MicroRaft nanoseconds pass per simulated nanosecond. */
  static final long TIME_DILATION = 10;

  private final NodeEnvironment env;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final ArrayDeque<Runnable> held = new ArrayDeque<>();
  private int syncsInFlight;
  private boolean drainScheduled;

  SimExecutor(NodeEnvironment env) {
    this.env = env;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    kick();
  }

  @Override
  public void submit(Runnable task) {
    execute(task);
  }

  @Override
  public void schedule(Runnable task, long delay, TimeUnit timeUnit) {
    long simulatedNanos = Math.max(0, timeUnit.toNanos(delay) / TIME_DILATION);
    env.setTimer(simulatedNanos, () -> execute(task));
  }

  /** Runs {@code output} now, or once the syncs in flight complete (in order with everything held). */
  void emit(Runnable output) {
    if (syncsInFlight > 0) {
      held.add(output);
    } else {
      output.run();
    }
  }

  /** A sync the store issued is in flight: hold output and tasks until {@link #syncCompleted}. */
  void syncStarted() {
    syncsInFlight++;
  }

  /** A sync completed successfully; the last one releases what was held and lets tasks run again. */
  void syncCompleted() {
    if (--syncsInFlight > 0) {
      return;
    }
    while (!held.isEmpty() && syncsInFlight == 0) {
      held.poll().run();
    }
    kick();
  }

  /** For a person diagnosing a stuck node: syncs in flight, tasks waiting, output held. */
  String describe() {
    return syncsInFlight + " syncs in flight, " + tasks.size() + " tasks waiting, " + held.size() + " outputs held";
  }

  private void kick() {
    if (!drainScheduled && syncsInFlight == 0 && !tasks.isEmpty()) {
      drainScheduled = true;
      env.setTimer(0, this::drain);
    }
  }

  private void drain() {
    drainScheduled = false;
    while (syncsInFlight == 0 && !tasks.isEmpty()) {
      tasks.poll().run();
    }
  }
}
