package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;

/**
 * What clients do: a generator of operations and the translation of replies into history values.
 *
 * <p>A workload instance belongs to one run and is used from the simulation thread only. Draws come
 * from the stream it is given, so a run's operations are a pure function of its seed.
 */
public interface Workload {
  /** The workload's name, as {@code --workload} and the scenario catalog spell it. */
  String name();

  /** The linearizability model its histories are checked with (a name the checker knows). */
  String model();

  /** The next operation for client {@code client}. */
  PlannedOperation next(RandomStream random, int client);

  /** The history completion for a definite reply {@code result} (the state machine's encoded result). */
  Completion complete(PlannedOperation operation, byte[] result);
}
