package io.tumbler.raft.runtime;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.node.ReadMode;

/** A request a client sends to a {@link RaftServer} over TCP ({@link ClientProtocol} is the wire form). */
public sealed interface ClientRequest {
    /** {@code RaftNode.submit}. */
    record Submit(long clientId, long sequence, byte[] command) implements ClientRequest {}

    /** {@code RaftNode.read}. */
    record Read(ReadMode mode, byte[] query) implements ClientRequest {}

    /** The node's role, term, leader, commit and applied index. */
    record StatusQuery() implements ClientRequest {}

    /** Admin: {@code RaftNode.proposeConfigChange(change)} on the server's node, answered with its outcome. */
    record ChangeMembership(ConfigChange change) implements ClientRequest {}

    /** Admin: {@code RaftNode.transferLeadership(target)}, answered with a {@link TransferOutcome}. */
    record TransferLeadership(int target) implements ClientRequest {}

    /** Admin: the configuration the server's node uses now, answered with a {@link ClusterConfiguration}. */
    record ConfigurationQuery() implements ClientRequest {}
}
