package io.tumbler.raft.runtime;

/**
 * The first byte of every TCP connection to a {@link RaftServer}: peers and clients share one port. A peer
 * connection continues with the sender's id (u32) and then MessageCodec frames; a client connection with
 * request frames, each answered by one response frame ({@link ClientProtocol}).
 */
final class ConnectionKind {
    static final int PEER = 'R';
    static final int CLIENT = 'C';

    private ConnectionKind() {}
}
