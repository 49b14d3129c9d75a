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

    /** Restores {@code sessions} from {@code data} and returns the state machine's part. */
    static byte[] restore(byte[] data, SessionTable sessions) {
        if (data.length < 6 || data[0] != MAGIC || data[1] != VERSION) {
            throw new IllegalStateException("snapshot data is not a node snapshot (" + data.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(data, 2, data.length - 2);
        int tableBytes = in.getInt();
        int stateStart = 6 + tableBytes;
        sessions.restore(ByteBuffer.wrap(data, 6, tableBytes).slice());
        return Arrays.copyOfRange(data, stateStart, data.length);
    }
}
