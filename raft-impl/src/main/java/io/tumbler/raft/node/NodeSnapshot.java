package io.tumbler.raft.node;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The snapshot data the driver hands to the core and storage: the session table and the state machine's
 * own image, so that exactly-once survives compaction and InstallSnapshot.
 * Format: {@code 'N', version 1, sessionBytes u32, sessions, stateMachine...}.
 */
final class NodeSnapshot {
    private static final byte MAGIC = 'N';
    private static final byte VERSION = 1;

    private NodeSnapshot() {}

    static byte[] encode(SessionTable sessions, byte[] stateMachine) {
        byte[] table = sessions.encode();
        return ByteBuffer.allocate(6 + table.length + stateMachine.length).put(MAGIC).put(VERSION)
                .putInt(table.length).put(table).put(stateMachine).array();
    }

    /** The state machine's part of {@code data}, leaving any session table alone. */
    static byte[] stateMachinePart(byte[] data) {
        checkHeader(data);
        int tableBytes = ByteBuffer.wrap(data, 2, data.length - 2).getInt();
        if (tableBytes < 0 || tableBytes > data.length - 6) {
            throw new IllegalStateException("snapshot data claims a " + tableBytes + "-byte session table in "
                    + data.length + " bytes");
        }
        return Arrays.copyOfRange(data, 6 + tableBytes, data.length);
    }

    private static void checkHeader(byte[] data) {
        if (data.length < 6 || data[0] != MAGIC || data[1] != VERSION) {
            throw new IllegalStateException("snapshot data is not a node snapshot (" + data.length + " bytes)");
        }
    }

    /** Restores {@code sessions} from {@code data} and returns the state machine's part. */
    static byte[] restore(byte[] data, SessionTable sessions) {
        checkHeader(data);
        ByteBuffer in = ByteBuffer.wrap(data, 2, data.length - 2);
        int tableBytes = in.getInt();
        int stateStart = 6 + tableBytes;
        sessions.restore(ByteBuffer.wrap(data, 6, tableBytes).slice());
        return Arrays.copyOfRange(data, stateStart, data.length);
    }
}
