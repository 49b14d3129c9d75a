package io.tumbler.raft.runtime;

import io.tumbler.raft.Message;
import io.tumbler.raft.MessageCodec;
import io.tumbler.raft.node.Transport;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbound half of the TCP network: one {@link PeerLink} (bounded queue, own thread, reconnect with
 * backoff) per peer. {@link #send} serializes on the caller's (node's) thread and never blocks: a full
 * queue or a broken connection loses the message, which Raft tolerates. The inbound half is the
 * {@link RaftServer}'s listener.
 */
public final class TcpTransport implements Transport, AutoCloseable {
    private final TreeMap<Integer, PeerLink> links = new TreeMap<>();

    /** Links from {@code selfId} to every other entry of {@code addresses}, each queueing up to {@code queueCapacity}. */
    public TcpTransport(int selfId, Map<Integer, InetSocketAddress> addresses, int queueCapacity) {
        for (Map.Entry<Integer, InetSocketAddress> e : new TreeMap<>(addresses).entrySet()) {
            if (e.getKey() != selfId) {
                links.put(e.getKey(), new PeerLink(selfId, e.getKey(), e.getValue(), queueCapacity));
            }
        }
        for (PeerLink link : links.values()) {
            link.start();
        }
    }

    @Override
    public void send(Message message) {
        PeerLink link = links.get(message.to());
        if (link != null) {
            link.offer(MessageCodec.encode(message));
        }
    }

    /** Messages lost to full queues or broken connections so far (all peers). */
    public long droppedMessages() {
        long total = 0;
        for (PeerLink link : links.values()) {
            total += link.dropped();
        }
        return total;
    }

    @Override
    public void close() {
        for (PeerLink link : links.values()) {
            link.close();
        }
    }
}
