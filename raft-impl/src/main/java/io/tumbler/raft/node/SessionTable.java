package io.tumbler.raft.node;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client sessions (dissertation §6.3): per client, the last applied sequence and its result, so a retried
 * command is answered from here instead of being applied twice. Part of the replicated state: every
 * replica updates it identically on apply, and it travels inside snapshots.
 *
 * <p>Bounded: beyond {@code maxSessions} the session whose last command applied earliest is evicted
 * (deterministically, by log index). A retry from an evicted client is indistinguishable from a new
 * command; the bound must exceed the number of clients active within a retry window.
 */
final class SessionTable {
    /**
     * What the table knows about one client: its last applied command's sequence, index and result, and the term and
     * digest of the entry that carried it (kept in memory only, for the node's acknowledgement observations; 0 when
     * the session came from a snapshot, whose encoding does not hold them).
     */
    record Session(long lastSequence, long lastIndex, long lastTerm, long lastDigest, byte[] lastResult) {}

    /** The verdict on an incoming (clientId, sequence). */
    sealed interface Check {
        /** Not applied before: apply it. */
        record Fresh() implements Check {}

        /**
         * Applied before at {@code index} with this result, from an entry of {@code term} and {@code digest} (both 0
         * when this node has the session from a snapshot).
         */
        record Duplicate(long index, long term, long digest, byte[] result) implements Check {}

        /** Older than the client's last applied command, whose result is all that is kept. */
        record Superseded(long lastSequence) implements Check {}
    }

    private static final Check FRESH = new Check.Fresh();

    private final int maxSessions;
    private final TreeMap<Long, Session> byClient = new TreeMap<>();
    /** Invariant: the inverse of byClient's lastIndex (each log index applies one command). */
    private final TreeMap<Long, Long> clientByLastIndex = new TreeMap<>();

    SessionTable(int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be positive, got " + maxSessions);
        }
        this.maxSessions = maxSessions;
    }

    Check check(long clientId, long sequence) {
        Session session = byClient.get(clientId);
        if (session == null || sequence > session.lastSequence()) {
            return FRESH;
        }
        if (sequence == session.lastSequence()) {
            return new Check.Duplicate(session.lastIndex(), session.lastTerm(), session.lastDigest(),
                    session.lastResult());
        }
        return new Check.Superseded(session.lastSequence());
    }

    /**
     * Records that {@code (clientId, sequence)} applied with {@code result} from the entry at {@code index} of
     * {@code term} and {@code digest} (0 and 0 when restored from a snapshot).
     */
    void record(long clientId, long sequence, long index, long term, long digest, byte[] result) {
        Session previous = byClient.put(clientId, new Session(sequence, index, term, digest, result));
        if (previous != null) {
            clientByLastIndex.remove(previous.lastIndex());
        }
        clientByLastIndex.put(index, clientId);
        while (byClient.size() > maxSessions) {
            Map.Entry<Long, Long> oldest = clientByLastIndex.pollFirstEntry();
            byClient.remove(oldest.getValue());
        }
    }

    /** Whether a session exists for {@code clientId} (it was not evicted and has applied something). */
    boolean knows(long clientId) {
        return byClient.containsKey(clientId);
    }

    int size() {
        return byClient.size();
    }

    /** The canonical encoding (ascending client id), for snapshots. */
    byte[] encode() {
        int bytes = 4;
        for (Session session : byClient.values()) {
            bytes += 28 + session.lastResult().length;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes).putInt(byClient.size());
        for (Map.Entry<Long, Session> e : byClient.entrySet()) {
            Session s = e.getValue();
            out.putLong(e.getKey()).putLong(s.lastSequence()).putLong(s.lastIndex()).putInt(s.lastResult().length)
                    .put(s.lastResult());
        }
        return out.array();
    }

    /** Replaces the contents with a decoded {@link #encode} image. */
    void restore(ByteBuffer in) {
        byClient.clear();
        clientByLastIndex.clear();
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            long clientId = in.getLong();
            long sequence = in.getLong();
            long index = in.getLong();
            byte[] result = new byte[in.getInt()];
            in.get(result);
            record(clientId, sequence, index, 0, 0, result);
        }
    }
}
