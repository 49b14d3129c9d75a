package io.tumbler.raft.membership;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.HostIncarnation;
import io.tumbler.raft.Identities;
import io.tumbler.raft.JoinProof;
import io.tumbler.raft.JoinRequest;
import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's side of the rejoin handshake, as a pure decision over values: which nonces it issued (and to whom,
 * until which tick) and which it has seen answered — its only memory — and, from the configuration it holds, which
 * host incarnations are admitted. The node driver feeds it requests, proofs, its tick count and its latest
 * configuration (committed or not, as Raft uses it), and acts on the {@link JoinDecision}.
 *
 * <p><b>Identities.</b> A host ({@code hostId}, stable across disk loss) runs in incarnations; every incarnation
 * runs as its own Raft node id, and a node id names one (host, incarnation) for life. A wiped host therefore comes
 * back as a new node, which never voted, so it cannot vote with a vote its lost disk had cast; the old node id
 * leaves the configuration by an ordinary removal. The rule ({@link #identityProblem}): the joining node id is no
 * member and is bound to no other identity, and the incarnation is above the highest ever admitted for its host.
 *
 * <p><b>Replicated, not remembered.</b> Who runs as what, and each host's highest admitted incarnation, are in the
 * {@link Configuration} ({@link io.tumbler.raft.Identities}): the admitting leader proposes the learner with its
 * identity, the CONFIG entry and every later snapshot carry it, and the per-host table never shrinks when a member
 * leaves. So a new leader refuses an incarnation its predecessors admitted exactly as they would. Bootstrap node
 * {@code i} counts as host {@code i} in incarnation 0 (a convention, not recorded). Between the admission and the
 * learner's entry reaching the log nothing is recorded: the same node asking again in the same incarnation is
 * admitted again (its first learner proposal may have been refused), and the entry is appended once. Residual gap:
 * a node id of a host's older, superseded incarnation is not recorded, so only the latest is protected against reuse
 * by another identity (node ids are handed out fresh, so this takes a misconfigured host).
 *
 * <p>Known bugs {@code rejoin-without-secret-check}, {@code handshake-nonce-reusable} and
 * {@code wiped-node-old-identity} switch single checks off, each in its own deviation method beside the rule it
 * breaks (see {@link KnownBug}); with {@link KnownBugs#NONE} every check is on.
 */
public final class JoinAuthority {
    /** A nonce handed out: to whom, and until which tick it may be answered. */
    private record Issued(int hostId, long incarnation, int nodeId, long expiresAtTick) {}

    private final String clusterId;
    private final byte[] secret;
    private final long nonceLifetimeTicks;
    private final KnownBugs bugs;
    private final TreeMap<Long, Issued> issued = new TreeMap<>();
    private final TreeSet<Long> answered = new TreeSet<>();
    /** The bootstrap node ids: node {@code i} is host {@code i} in incarnation 0. */
    private final TreeSet<Integer> bootstrapPeers;

    /** An authority for {@code clusterId} keyed by {@code secret}; nonces expire after {@code nonceLifetimeTicks}. */
    public JoinAuthority(String clusterId, byte[] secret, long nonceLifetimeTicks, KnownBugs bugs) {
        this(clusterId, secret, nonceLifetimeTicks, bugs, java.util.List.of());
    }

    /**
     * As above, for a cluster bootstrapped with {@code bootstrapPeers}: by convention bootstrap node {@code i} is host
     * {@code i} in incarnation 0, so those hosts come back only under incarnation 1 or later.
     */
    public JoinAuthority(String clusterId, byte[] secret, long nonceLifetimeTicks, KnownBugs bugs,
                         java.util.List<Integer> bootstrapPeers) {
        if (nonceLifetimeTicks <= 0) {
            throw new IllegalArgumentException("nonce lifetime must be positive");
        }
        this.clusterId = clusterId;
        this.secret = secret.clone();
        this.nonceLifetimeTicks = nonceLifetimeTicks;
        this.bugs = bugs;
        this.bootstrapPeers = new TreeSet<>(bootstrapPeers);
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
            problem = JoinProofs.matches(
                    JoinProofs.sign(secret, clusterId, proof.hostId(), proof.incarnation(), proof.nonce()),
                    proof.mac()) || admitsUnprovenHostDeviation() ? null : JoinRejection.BAD_PROOF;
        }
        if (problem == null) {
            problem = identityProblem(proof.hostId(), proof.incarnation(), proof.from(), configuration);
        }
        if (problem != null) {
            return new JoinDecision.Reject(problem);
        }
        return new JoinDecision.Admit(proof.hostId(), proof.incarnation(), proof.from());
    }

    /** Unknown, expired, replayed or mismatched nonce; consumes the nonce when it was live. */
    private JoinRejection nonceProblem(JoinProof proof, long nowTick) {
        if (answered.contains(proof.nonce()) && !acceptsAnsweredNonceDeviation()) {
            return JoinRejection.REPLAYED_NONCE;
        }
        Issued to = issued.get(proof.nonce());
        if (to == null) {
            return JoinRejection.UNKNOWN_NONCE;
        }
        if (!acceptsAnsweredNonceDeviation()) {
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

    /**
     * The rule: node {@code nodeId} is no member, is bound to no other identity (a bootstrap id, or the node id of a
     * host's highest admitted incarnation), and {@code incarnation} is above the highest admitted for the host (0 for
     * a bootstrap host, none for a new one) — all read from {@code configuration}.
     */
    private JoinRejection identityProblem(int hostId, long incarnation, int nodeId, Configuration configuration) {
        return admitsOldIdentityDeviation(identityRule(hostId, incarnation, nodeId, configuration), nodeId, configuration);
    }

    private JoinRejection identityRule(int hostId, long incarnation, int nodeId, Configuration configuration) {
        HostIncarnation asking = new HostIncarnation(hostId, incarnation);
        HostIncarnation bound = boundIdentity(nodeId, configuration);
        if (configuration.isMember(nodeId) || (bound != null && !bound.equals(asking))) {
            return JoinRejection.IDENTITY_IN_USE;
        }
        return incarnation > highestAdmitted(hostId, configuration) ? null : JoinRejection.STALE_INCARNATION;
    }

    /**
     * {@link KnownBug#WIPED_NODE_OLD_IDENTITY}: a host is admitted only under an incarnation above every one admitted
     * for it ({@code ruled}, the rule's answer); the deviation refuses only a current member's id and compares no
     * incarnation, so a host that lost its disk is admitted again under its old identity.
     */
    private JoinRejection admitsOldIdentityDeviation(JoinRejection ruled, int nodeId, Configuration configuration) {
        if (bugs.on(KnownBug.WIPED_NODE_OLD_IDENTITY)) {
            return configuration.isMember(nodeId) ? JoinRejection.IDENTITY_IN_USE : null;
        }
        return ruled;
    }

    /**
     * {@link KnownBug#REJOIN_WITHOUT_SECRET_CHECK}: a proof must carry the MAC of the cluster secret over the host's
     * identity and nonce; the deviation admits a proof without verifying it.
     */
    private boolean admitsUnprovenHostDeviation() {
        return bugs.on(KnownBug.REJOIN_WITHOUT_SECRET_CHECK);
    }

    /**
     * {@link KnownBug#HANDSHAKE_NONCE_REUSABLE}: a nonce is consumed by the first proof that answers it; the deviation
     * neither consumes it nor refuses an answered one, so a replayed proof admits a host again.
     */
    private boolean acceptsAnsweredNonceDeviation() {
        return bugs.on(KnownBug.HANDSHAKE_NONCE_REUSABLE);
    }

    /** Who {@code nodeId} is bound to: a member's recorded identity, a host's latest admission, a bootstrap id. */
    private HostIncarnation boundIdentity(int nodeId, Configuration configuration) {
        Identities identities = configuration.identities();
        HostIncarnation member = identities.members().get(nodeId);
        if (member != null) {
            return member;
        }
        for (Map.Entry<Integer, Identities.Admitted> host : identities.highest().entrySet()) {
            if (host.getValue().nodeId() == nodeId) {
                return new HostIncarnation(host.getKey(), host.getValue().incarnation());
            }
        }
        return bootstrapPeers.contains(nodeId) ? new HostIncarnation(nodeId, 0) : null;
    }

    /** The highest incarnation admitted for {@code hostId}: recorded, else 0 for a bootstrap host, else -1. */
    private long highestAdmitted(int hostId, Configuration configuration) {
        Identities.Admitted top = configuration.identities().highest().get(hostId);
        if (top != null) {
            return top.incarnation();
        }
        return bootstrapPeers.contains(hostId) ? 0 : -1;
    }

    /** Forgets nonces that expired before {@code nowTick} (their proofs would be refused as unknown anyway). */
    public void expire(long nowTick) {
        issued.entrySet().removeIf(e -> e.getValue().expiresAtTick() < nowTick);
    }
}
