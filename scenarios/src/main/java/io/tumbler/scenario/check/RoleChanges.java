package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation;

/**
 * The node's four role observations ({@code BecameFollower}, {@code BecamePreCandidate}, {@code BecameCandidate},
 * {@code BecameLeader}) read as one kind of fact, for the checks that track each node's role and term.
 */
final class RoleChanges {
  private RoleChanges() {}

  /** FOLLOWER, PRE_CANDIDATE, CANDIDATE or LEADER when {@code payload} is a role observation, else null. */
  static String role(Object payload) {
    if (payload instanceof Observation.BecameFollower) {
      return "FOLLOWER";
    } else if (payload instanceof Observation.BecamePreCandidate) {
      return "PRE_CANDIDATE";
    } else if (payload instanceof Observation.BecameCandidate) {
      return "CANDIDATE";
    } else if (payload instanceof Observation.BecameLeader) {
      return "LEADER";
    }
    return null;
  }

  /** The term of a role observation ({@link #role} not null). */
  static long term(Object payload) {
    if (payload instanceof Observation.BecameFollower o) {
      return o.term();
    } else if (payload instanceof Observation.BecamePreCandidate o) {
      return o.term();
    } else if (payload instanceof Observation.BecameCandidate o) {
      return o.term();
    } else if (payload instanceof Observation.BecameLeader o) {
      return o.term();
    }
    throw new IllegalArgumentException("not a role observation: " + payload);
  }
}
