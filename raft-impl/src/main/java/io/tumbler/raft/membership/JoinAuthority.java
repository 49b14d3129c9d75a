package io.tumbler.raft.membership;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.JoinProof;
import io.tumbler.raft.JoinRequest;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's side of the rejoin handshake, as a pure decision over values: which nonces it issued (and to whom,
 * until which tick), which it has seen answered, and which incarnation of each host it admitted. The node driver
 * feeds it requests, proofs, its tick count and its configuration, and acts on the {@link JoinDecision}.
 *
 * <p><b>Identities.</b> A host ({@code hostId}, stable across disk loss) runs in incarnations; every incarnation
 * runs as its own Raft node id, and a node id names one (host, incarnation) for life. A wiped host therefore comes
 * back as a new node, which never voted, so it cannot vote with a vote its lost disk had cast; the old node id
 * leaves the configuration by an ordinary removal. The authority enforces it: an incarnation must be above the
 * highest admitted for its host (bootstrap node {@code i} counts as host {@code i} admitted in incarnation 0; equal
 * only when the same node asks again before it became a member, e.g. after its learner proposal was refused), and
 * the joining node id must be neither a member of the configuration nor bound to another identity.
 *
 * <p><b>Scope — a known gap.</b> This memory is the leader's, volatile: a new leader knows the bootstrap hosts and
 * the configuration (an old node id still a member is refused) but not the incarnations its predecessors admitted,
 * so a host admitted by one leader in incarnation k can be admitted again in k by the next. Closing it needs the
 * admitted (host, incarnation) replicated with the configuration entry; the simulation's journal oracle
 * ({@code INCARNATION_MONOTONIC}) checks the property across leaders.
 *
 * <p>Known bugs {@code rejoin-without-secret-check}, {@code handshake-nonce-reusable} and
 * {@code wiped-node-old-identity} switch single checks off ({@link #skipsSecret} and friends).
 */
public final class JoinAuthority {
    /** A nonce handed out: to whom, and until which tick it may be answered. */
    private record Issued(int hostId, long incarnation, int nodeId, long expiresAtTick) {}

    private record Binding(int hostId, long incarnation) {}

    private final String clusterId;
    private final byte[] secret;
    private final long nonceLifetimeTicks;
    private final JoinChecks checks;
    private final TreeMap<Long, Issued> issued = new TreeMap<>();
    private final TreeSet<Long> answered = new TreeSet<>();
    private final TreeMap<Integer, Long> admittedIncarnation = new TreeMap<>();
    private final TreeMap<Integer, Binding> bindings = new TreeMap<>();
    /** Node ids seen in a configuration by this leader: a node id that was a member never joins again. */
    private final TreeSet<Integer> everMembers = new TreeSet<>();

    /** An authority for {@code clusterId} keyed by {@code secret}; nonces expire after {@code nonceLifetimeTicks}. */
    public JoinAuthority(String clusterId, byte[] secret, long nonceLifetimeTicks, JoinChecks checks) {
        this(clusterId, secret, nonceLifetimeTicks, checks, java.util.List.of());
    }

    /**
     * As above, for a cluster bootstrapped with {@code bootstrapPeers}: by convention bootstrap node {@code i} is host
     * {@code i} in incarnation 0, so those hosts come back only under incarnation 1 or later.
     */
    public JoinAuthority(String clusterId, byte[] secret, long nonceLifetimeTicks, JoinChecks checks,
                         java.util.List<Integer> bootstrapPeers) {
        if (nonceLifetimeTicks <= 0) {
            throw new IllegalArgumentException("nonce lifetime must be positive");
        }
        this.clusterId = clusterId;
        this.secret = secret.clone();
        this.nonceLifetimeTicks = nonceLifetimeTicks;
        this.checks = checks;
        for (int peer : bootstrapPeers) {
            admittedIncarnation.put(peer, 0L);
            bindings.put(peer, new Binding(peer, 0));
            everMembers.add(peer);
        }
    }

    /** Step 2: challenge {@code request} with {@code freshNonce} (drawn by the caller), or refuse an old identity. */
    public JoinDecision challenge(JoinRequest request, long nowTick, long freshNonce, Configuration configuration) {
        JoinRejection identity = identityProblem(request.hostId(), request.incarnation(), request.from(), configuration);
        if (identity != null) {
            return new JoinDecision.Reject(identity);
        }
        if (issued.containsKey(freshNonce) || answered.contains(freshNonce)) {
            throw new IllegalStateException("nonce " + freshNonce + " drawn twice");
        }
        issued.put(freshNonce, new Issued(request.hostId(), request.incarnation(), request.from(),
                nowTick + nonceLifetimeTicks));
        return new JoinDecision.Challenge(freshNonce);
    }

    /** Step 4: verify {@code proof}; an {@link JoinDecision.Admit} binds the node id to the host's incarnation. */
    public JoinDecision verify(JoinProof proof, long nowTick, Configuration configuration) {
        JoinRejection problem = nonceProblem(proof, nowTick);
        if (problem == null) {
            problem = checks.skipsSecret() || JoinProofs.matches(
                    JoinProofs.sign(secret, clusterId, proof.hostId(), proof.incarnation(), proof.nonce()),
                    proof.mac()) ? null : JoinRejection.BAD_PROOF;
        }
        if (problem == null) {
            problem = identityProblem(proof.hostId(), proof.incarnation(), proof.from(), configuration);
        }
        if (problem != null) {
            return new JoinDecision.Reject(problem);
        }
        admittedIncarnation.put(proof.hostId(), proof.incarnation());
        bindings.put(proof.from(), new Binding(proof.hostId(), proof.incarnation()));
        return new JoinDecision.Admit(proof.hostId(), proof.incarnation(), proof.from());
    }

    /** Unknown, expired, replayed or mismatched nonce; consumes the nonce when it was live. */
    private JoinRejection nonceProblem(JoinProof proof, long nowTick) {
        if (answered.contains(proof.nonce()) && !checks.reusesNonces()) {
            return JoinRejection.REPLAYED_NONCE;
        }
        Issued to = issued.get(proof.nonce());
        if (to == null) {
            return JoinRejection.UNKNOWN_NONCE;
        }
        if (!checks.reusesNonces()) {
            issued.remove(proof.nonce());
            answered.add(proof.nonce());
        }
        if (nowTick > to.expiresAtTick()) {
            return JoinRejection.EXPIRED_NONCE;
        }
        boolean same = to.hostId() == proof.hostId() && to.incarnation() == proof.incarnation()
                && to.nodeId() == proof.from();
        return same ? null : JoinRejection.IDENTITY_MISMATCH;
    }

    private JoinRejection identityProblem(int hostId, long incarnation, int nodeId, Configuration configuration) {
        everMembers.addAll(configuration.members());
        if (checks.acceptsOldIdentity()) {
            return null;
        }
        Binding bound = bindings.get(nodeId);
        boolean sameIdentity = bound != null && bound.hostId() == hostId && bound.incarnation() == incarnation;
        if (everMembers.contains(nodeId) || (bound != null && !sameIdentity)) {
            return JoinRejection.IDENTITY_IN_USE;
        }
        Long floor = admittedIncarnation.get(hostId);
        boolean fresh = floor == null || incarnation > floor || (incarnation == floor && sameIdentity);
        return fresh ? null : JoinRejection.STALE_INCARNATION;
    }

    /** Forgets nonces that expired before {@code nowTick} (their proofs would be refused as unknown anyway). */
    public void expire(long nowTick) {
        issued.entrySet().removeIf(e -> e.getValue().expiresAtTick() < nowTick);
    }
}
