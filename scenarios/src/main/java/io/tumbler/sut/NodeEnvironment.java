package io.tumbler.sut;

import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.random.RandomStream;
import java.util.List;

/**
 * The simulated world one node incarnation lives in. Everything a node may use to act or to decide is here, so a
 * system under test that uses nothing else is deterministic: time is the node's own simulated clock (skewed,
 * drifting and jumping under clock faults), messages go over the simulated network (partitions, loss, delay), the
 * disk loses unsynced writes on a crash, and randomness comes from a named, seeded stream.
 *
 * <p>Valid for one incarnation: after a crash every method throws (a dead node acting is a harness bug).
 */
public interface NodeEnvironment {
  /** This node's Raft id (1-based). */
  int nodeId();

  /** This incarnation's number (1 at the first start). */
  int incarnation();

  /** The current simulated true time in nanoseconds, for journal timestamps (never for decisions). */
  long trueNanos();

  /** Every member's id, this node's included, ascending. */
  List<Integer> members();

  /** The node's local clock in nanoseconds (it may jump backwards under a clock fault). */
  long localNanos();

  /** The node's monotonic clock in nanoseconds: it drifts with the node's clock but never jumps (for tickers). */
  long monotonicNanos();

  /** Runs {@code action} after {@code delayNanos} of the node's monotonic clock, as a simulator event. */
  Timer setTimer(long delayNanos, Runnable action);

  /** Sends {@code message} to node {@code peer} over the simulated network; the receiver gets it in {@link SutNode#deliver}. */
  void send(int peer, Object message);

  /** The node's simulated disk. */
  SimDisk disk();

  /** A seeded random stream of this node and incarnation, named {@code name} (new names shift no other stream). */
  RandomStream random(String name);

  /** Records {@code event} in the run's observation journal (and the online checkers). */
  void journal(JournalEntry event);

  /** The node applied log index {@code index} to {@code stateMachine} (the harness checks the VM invariants). */
  void applied(io.tumbler.vm.VmStateMachine stateMachine, long index);

  /** Adds {@code note} to the run's notes (run.json): something a person should know about this run. */
  void note(String note);

  /** Fail-stop: the node stops at once (crashed by the harness) and a heal restarts it; {@code reason} is noted. */
  void halt(String reason);
}
