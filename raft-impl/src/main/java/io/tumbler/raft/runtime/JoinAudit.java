package io.tumbler.raft.runtime;

import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.RaftObserver;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production server's record of the rejoin handshakes it decided as leader: every refusal (a wrong secret, a
 * replayed or expired nonce, an old identity) is logged as a warning naming the joiner, its claimed host and
 * incarnation and the reason, every admission as information, and both are counted for the metrics endpoint. The
 * node hands join decisions to its observer even when the observer wants nothing else ({@code RaftNode.audit}), so
 * this costs nothing on the hot path: everything else passes to {@code next} only as {@code next} asks.
 */
final class JoinAudit implements RaftObserver {
    private static final System.Logger LOG = System.getLogger(JoinAudit.class.getName());

    private final RaftObserver next;
    final AtomicLong refused = new AtomicLong();
    final AtomicLong admitted = new AtomicLong();

    JoinAudit(RaftObserver next) {
        this.next = next;
    }

    @Override
    public void observe(Observation o) {
        if (o instanceof Observation.JoinRejected r) {
            refused.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "node " + r.node() + " refused a join from node " + r.joiner()
                    + " claiming host " + r.hostId() + " incarnation " + r.incarnation() + ": " + r.reason());
        } else if (o instanceof Observation.JoinAdmitted a) {
            admitted.incrementAndGet();
            LOG.log(System.Logger.Level.INFO, "node " + a.node() + " admitted node " + a.joiner() + " as host "
                    + a.hostId() + " incarnation " + a.incarnation() + " (a learner until caught up)");
        }
        if (next.enabled() || o instanceof Observation.JoinRejected || o instanceof Observation.JoinAdmitted) {
            next.observe(o);
        }
    }

    @Override
    public boolean enabled() {
        return next.enabled();
    }
}
