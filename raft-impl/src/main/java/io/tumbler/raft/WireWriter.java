package io.tumbler.raft;

import java.util.Arrays;

/** An append-only byte buffer with the codec's primitive encodings (unsigned LEB128 varints). */
final class WireWriter {
    private byte[] buffer;
    private int size;

    WireWriter(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    WireWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Non-negative values only: every field we encode is an id, term, index, count or length. */
    WireWriter writeVarLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("codec fields are non-negative, got " + value);
        }
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
        return this;
    }

    WireWriter writeFixedLong(long value) {
        ensure(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    WireWriter writeFixedInt(int value) {
        ensure(Integer.BYTES);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    WireWriter writeBytes(byte[] bytes) {
        writeVarLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    int size() {
        return size;
    }

    byte[] buffer() {
        return buffer;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
