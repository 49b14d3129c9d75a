package io.tumbler.raft;

/**
 * Who a Raft node id runs as: host {@code hostId} (stable across disk loss) in its {@code incarnation} (raised each
 * time the host comes back without its disk). A node id names one host incarnation for life, so a wiped host comes
 * back as a new node that never voted. By convention bootstrap node {@code i} is host {@code i} in incarnation 0.
 *
 * @param hostId      the host, positive
 * @param incarnation the incarnation, zero or more
 */
public record HostIncarnation(int hostId, long incarnation) {
    public HostIncarnation {
        if (hostId <= 0 || incarnation < 0) {
            throw new IllegalArgumentException("invalid host incarnation " + hostId + "/" + incarnation);
        }
    }

    @Override
    public String toString() {
        return "host " + hostId + "/" + incarnation;
    }
}
