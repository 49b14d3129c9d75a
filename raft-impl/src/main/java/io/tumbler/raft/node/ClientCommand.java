package io.tumbler.raft.node;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A client command as stored in a log entry: the session identity wrapped around the state machine's
 * command bytes, so the driver can deduplicate retries before the state machine sees them.
 * Format: {@code 'C', version 1, clientId u64, sequence u64, payload...}.
 *
 * @param clientId the client's session id, positive and unique per client process
 * @param sequence the client's command number, from 1, increasing by one per new command
 * @param payload  the state machine command
 */
public record ClientCommand(long clientId, long sequence, byte[] payload) {
    private static final byte MAGIC = 'C';
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 18;

    public ClientCommand {
        if (clientId <= 0 || sequence <= 0) {
            throw new IllegalArgumentException("clientId and sequence must be positive, got " + clientId + "/" + sequence);
        }
        if (payload == null) {
            throw new IllegalArgumentException("payload is required");
        }
    }

    /** The entry bytes. */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + payload.length).put(MAGIC).put(VERSION).putLong(clientId)
                .putLong(sequence).put(payload).array();
    }

    /** Parses entry bytes; the entry's digest was verified already, so a mismatch is a bug or a version skew. */
    public static ClientCommand decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES || bytes[0] != MAGIC || bytes[1] != VERSION) {
            throw new IllegalStateException("not a client command entry (" + bytes.length + " bytes, tag "
                    + (bytes.length > 1 ? bytes[0] + "/" + bytes[1] : "none") + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        long clientId = in.getLong();
        long sequence = in.getLong();
        return new ClientCommand(clientId, sequence, Arrays.copyOfRange(bytes, HEADER_BYTES, bytes.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientCommand c && c.clientId == clientId && c.sequence == sequence
                && Arrays.equals(c.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(clientId) * 31 + Long.hashCode(sequence) * 17 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ClientCommand[" + clientId + "#" + sequence + " " + payload.length + "B]";
    }
}
