package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tumbler.raft.membership.JoinRejection;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.RaftObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A production server observes nothing on its hot path, yet every join decision is counted and passed on: behind an
 * observer that wants nothing, the audit still sees refusals and admissions, and only those.
 */
class JoinAuditTest {
  @Test
  void joinDecisionsAreCountedAndPassedOnWhenNothingElseIsWanted() {
    List<Observation> passed = new ArrayList<>();
    RaftObserver quiet = new RaftObserver() {
      @Override
      public void observe(Observation o) {
        passed.add(o);
      }

      @Override
      public boolean enabled() {
        return false;
      }
    };
    JoinAudit audit = new JoinAudit(quiet);
    assertFalse(audit.enabled(), "the node still skips building every other observation");
    audit.observe(new Observation.JoinRejected(1, 5, 5, 0, JoinRejection.BAD_PROOF));
    audit.observe(new Observation.JoinRejected(1, 6, 3, 0, JoinRejection.REPLAYED_NONCE));
    audit.observe(new Observation.JoinAdmitted(1, 4, 4, 0, 77));
    audit.observe(new Observation.BecameLeader(1, 2));
    assertEquals(2, audit.refused.get());
    assertEquals(1, audit.admitted.get());
    assertEquals(3, passed.size(), "join decisions pass on, the rest only when wanted: " + passed);
  }
}
