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

  /**
   * Called once before the run's first operation with the run's own {@code workload} stream, from which a
   * workload draws whatever is fixed for the whole run (its swarm: operation mix, host sizes, hot paths).
   * A workload used without it keeps fixed defaults.
   */
  default void begin(RandomStream run) {}

  /**
   * Whether its clients force retries: re-send a command they already have an answer to, or give up on an
   * attempt after a very short wait, so that the state machine's session deduplication answers retries of
   * every kind of command (see the client's forced retries). Off for workloads whose runs must keep their
   * historical fingerprints.
   */
  default boolean forcesRetries() {
    return false;
  }

  /**
   * The client gave up on {@code operation} without a definite answer (recorded {@code info} or, for a read,
   * {@code fail}): it may still take effect. Workloads that track their commands' fates hear of it here.
   */
  default void abandoned(PlannedOperation operation) {}

  /**
   * Present when the workload follows the cluster's membership (see {@link MembershipAware}); the harness then
   * tells it of members joining and leaving. Absent by default: the workload's world ignores membership.
   */
  default java.util.Optional<MembershipAware> membershipAware() {
    return java.util.Optional.empty();
  }

  /** The next operation for client {@code client}. */
  PlannedOperation next(RandomStream random, int client);

  /** The history completion for a definite reply {@code result} (the state machine's encoded result). */
  Completion complete(PlannedOperation operation, byte[] result);
}
