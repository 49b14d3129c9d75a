package io.tumbler.raft.membership;

/**
 * Who a node is in the rejoin handshake: host {@code hostId} of cluster {@code clusterId} in its
 * {@code incarnation} (raised every time the host comes back without its disk), holding the cluster
 * {@code secret} it signs join proofs with and, as leader, verifies them with. See {@link JoinAuthority} for how
 * an incarnation maps to a Raft node id.
 */
public record HostIdentity(String clusterId, int hostId, long incarnation, byte[] secret) {
    public HostIdentity {
        if (clusterId == null || hostId <= 0 || incarnation < 0 || secret == null || secret.length == 0) {
            throw new IllegalArgumentException("host identity needs a cluster id, host id > 0, incarnation >= 0 "
                    + "and a non-empty secret");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostIdentity h && h.clusterId.equals(clusterId) && h.hostId == hostId
                && h.incarnation == incarnation && java.util.Arrays.equals(h.secret, secret);
    }

    @Override
    public int hashCode() {
        return (clusterId.hashCode() * 31 + hostId) * 31 + Long.hashCode(incarnation);
    }

    @Override
    public String toString() {
        return "HostIdentity[" + clusterId + " host " + hostId + "/" + incarnation + "]";
    }
}
