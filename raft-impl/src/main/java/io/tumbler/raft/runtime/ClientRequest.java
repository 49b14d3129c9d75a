package io.tumbler.raft.runtime;

import io.tumbler.raft.node.ReadMode;

/** A request a client sends to a {@link RaftServer} over TCP ({@link ClientProtocol} is the wire form). */
public sealed interface ClientRequest {
    /** {@code RaftNode.submit}. */
    record Submit(long clientId, long sequence, byte[] command) implements ClientRequest {}

    /** {@code RaftNode.read}. */
    record Read(ReadMode mode, byte[] query) implements ClientRequest {}

    /** The node's role, term, leader, commit and applied index. */
    record StatusQuery() implements ClientRequest {}
}
