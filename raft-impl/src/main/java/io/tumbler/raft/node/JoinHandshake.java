package io.tumbler.raft.node;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.HostIncarnation;
import io.tumbler.raft.JoinChallenge;
import io.tumbler.raft.JoinProof;
import io.tumbler.raft.JoinRequest;
import io.tumbler.raft.KnownBugs;
import io.tumbler.raft.Message;
import io.tumbler.raft.Role;
import io.tumbler.raft.membership.HostIdentity;
import io.tumbler.raft.membership.JoinAuthority;
import io.tumbler.raft.membership.JoinDecision;
import io.tumbler.raft.membership.JoinProofs;
import java.util.function.LongSupplier;

/**
 * The node driver's half of the rejoin handshake: a joining host sends {@link JoinRequest} and answers the
 * leader's {@link JoinChallenge} with a {@link JoinProof}; a leader challenges, verifies with its
 * {@link JoinAuthority} and proposes the admitted node as a learner. Non-leaders drop requests and proofs (the
 * host asks again, of the leader it learns about). Runs on the node's thread; a node without a
 * {@link HostIdentity} drops every handshake message.
 */
final class JoinHandshake {
    /** How long a challenge may be answered: ten election timeouts' worth of ticks is ample on any link. */
    static final long NONCE_LIFETIME_TICKS = 100;

    private final RaftNode node;
    private final HostIdentity identity;
    private final LongSupplier nonces;
    private final KnownBugs bugs;
    private JoinAuthority authority;
    private long ticks;

    JoinHandshake(RaftNode node, HostIdentity identity, LongSupplier nonces, KnownBugs bugs) {
        this.node = node;
        this.identity = identity;
        this.nonces = nonces;
        this.bugs = bugs;
    }

    static boolean isHandshake(Message message) {
        return message instanceof JoinRequest || message instanceof JoinChallenge || message instanceof JoinProof;
    }

    void tick() {
        ticks++;
        if (authority != null && ticks % NONCE_LIFETIME_TICKS == 0) {
            authority.expire(ticks);
        }
    }

    /** Step 1, on the joining host: ask {@code leader} to admit this node. */
    void request(int leader) {
        if (identity != null) {
            node.send(new JoinRequest(node.id(), leader, node.status().term(), identity.hostId(),
                    identity.incarnation()));
        }
    }

    void receive(Message message) {
        if (identity == null) {
            return;
        }
        if (message instanceof JoinChallenge challenge) {
            byte[] mac = JoinProofs.sign(identity.secret(), identity.clusterId(), identity.hostId(),
                    identity.incarnation(), challenge.nonce());
            node.send(new JoinProof(node.id(), challenge.from(), node.status().term(), identity.hostId(),
                    identity.incarnation(), challenge.nonce(), mac));
        } else if (node.role() == Role.LEADER && message instanceof JoinRequest request) {
            JoinDecision decision = authority().challenge(request, ticks, nonces.getAsLong(), currentConfiguration());
            if (decision instanceof JoinDecision.Challenge c) {
                node.send(new JoinChallenge(node.id(), request.from(), node.status().term(), c.nonce()));
            } else {
                node.audit(new Observation.JoinRejected(node.id(), request.from(), request.hostId(),
                        request.incarnation(), ((JoinDecision.Reject) decision).reason()));
            }
        } else if (node.role() == Role.LEADER && message instanceof JoinProof proof) {
            verify(proof);
        }
    }

    private void verify(JoinProof proof) {
        JoinDecision decision = authority().verify(proof, ticks, currentConfiguration());
        if (decision instanceof JoinDecision.Admit admit) {
            node.audit(new Observation.JoinAdmitted(node.id(), admit.nodeId(), admit.hostId(), admit.incarnation(),
                    proof.nonce()));
            node.proposeConfigChange(new ConfigChange.AddLearner(admit.nodeId(),
                    new HostIncarnation(admit.hostId(), admit.incarnation())), outcome -> { });
        } else {
            node.audit(new Observation.JoinRejected(node.id(), proof.from(), proof.hostId(), proof.incarnation(),
                    ((JoinDecision.Reject) decision).reason()));
        }
    }

    private io.tumbler.raft.Configuration currentConfiguration() {
        return node.configuration().configuration();
    }

    /**
     * Created when this node first leads a handshake. It remembers only nonces; who was admitted in which
     * incarnation comes from the configuration, so a new leader decides as its predecessors did (see JoinAuthority).
     */
    private JoinAuthority authority() {
        if (authority == null) {
            authority = new JoinAuthority(identity.clusterId(), identity.secret(), NONCE_LIFETIME_TICKS, bugs,
                    node.bootstrapPeers());
        }
        return authority;
    }
}
