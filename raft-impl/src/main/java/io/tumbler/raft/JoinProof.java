package io.tumbler.raft;

import java.util.Arrays;

/**
 * The host's answer to a {@link JoinChallenge} (rejoin handshake, step 3): HMAC-SHA256 over (cluster id, host
 * id, incarnation, nonce) keyed by the cluster secret, computed by {@code io.tumbler.raft.membership.JoinProofs}.
 * Sent in the clear: anyone on the wire may capture and resend it, which is why the leader accepts each nonce once.
 */
public record JoinProof(int from, int to, long term, int hostId, long incarnation, long nonce, byte[] mac)
        implements Message {
    public JoinProof {
        if (mac == null) {
            throw new IllegalArgumentException("a join proof carries a mac");
        }
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JoinProof p && p.from == from && p.to == to && p.term == term && p.hostId == hostId
                && p.incarnation == incarnation && p.nonce == nonce && Arrays.equals(p.mac, mac);
    }

    @Override
    public int hashCode() {
        return ((from * 31 + to) * 31 + hostId) * 31 + Long.hashCode(nonce) * 17 + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "JoinProof[" + from + "->" + to + " host " + hostId + "/" + incarnation + " nonce " + nonce + "]";
    }
}
