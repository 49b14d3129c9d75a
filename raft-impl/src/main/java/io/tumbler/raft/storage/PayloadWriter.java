package io.tumbler.raft.storage;

import java.util.Arrays;

/** Builds a record payload: big-endian fixed-width fields into a growing array. */
final class PayloadWriter {
    private byte[] buffer;
    private int size;

    PayloadWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    PayloadWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    PayloadWriter writeInt(int value) {
        ensure(4);
        RecordFrame.writeInt(buffer, size, value);
        size += 4;
        return this;
    }

    PayloadWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** A length-prefixed byte string. */
    PayloadWriter writeBytes(byte[] bytes) {
        writeInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
