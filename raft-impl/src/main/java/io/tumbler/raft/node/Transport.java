package io.tumbler.raft.node;

import io.tumbler.raft.Message;

/**
 * Outbound half of the network for one node. Inbound messages are delivered by whoever owns the node
 * (a TCP server, a simulated network) calling {@link RaftNode#receive} on the node's thread.
 *
 * <p>Contract: {@link #send} is fire-and-forget and must not block the node's thread for long (queue and
 * return; drop when a bounded queue is full). The network may lose, duplicate, delay and reorder messages;
 * Raft is safe under all of them. A transport must never alter a message: it serializes it with
 * {@code io.tumbler.raft.MessageCodec}, whose checksum lets the receiver drop damaged frames. Messages
 * are immutable values, so a transport may keep references to them.
 */
public interface Transport {
    /** Queues {@code message} for {@code message.to()}; never throws for network trouble. */
    void send(Message message);
}
