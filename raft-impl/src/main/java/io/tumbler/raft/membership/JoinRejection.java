package io.tumbler.raft.membership;

/** Why a leader refused a rejoin handshake; a refused host is never admitted on that handshake. */
public enum JoinRejection {
    /** The host's incarnation is not above the highest this leader admitted for it: an old identity. */
    STALE_INCARNATION,
    /** The joining node id already belongs to the configuration, or to another (host, incarnation). */
    IDENTITY_IN_USE,
    /** The proof names a nonce this leader never issued (forged, or from another leader). */
    UNKNOWN_NONCE,
    /** The nonce was issued too many ticks ago. */
    EXPIRED_NONCE,
    /** The nonce was already answered once: a captured proof sent again. */
    REPLAYED_NONCE,
    /** The proof's host, incarnation or node id differs from the request the nonce answered. */
    IDENTITY_MISMATCH,
    /** The HMAC does not verify under the cluster secret. */
    BAD_PROOF
}
