package io.tumbler.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends the codec's primitives to a growing buffer: bytes, unsigned LEB128 varints (non-negative
 * values only: every number on this wire is a count, a size, an id or a version), length-prefixed UTF-8
 * strings and byte strings, and fixed 8-byte little-endian words.
 */
final class WireWriter {
    private byte[] buffer = new byte[64];
    private int size;

    WireWriter header(char kind, int version) {
        return u8(kind).u8(version);
    }

    WireWriter u8(int value) {
        assert value >= 0 && value <= 0xFF : value;
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    WireWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    WireWriter varLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("the wire carries only non-negative numbers, got " + value);
        }
        long rest = value;
        while (rest >= 0x80) {
            u8((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        return u8((int) rest);
    }

    WireWriter string(String text) {
        return raw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A presence byte, then the string if present. */
    WireWriter optionalString(String text) {
        return text == null ? bool(false) : bool(true).string(text);
    }

    WireWriter bytes(Bytes value) {
        return raw(value.array());
    }

    WireWriter fixedLong(long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            u8((int) (value >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** The bytes written so far, without copying, for checksumming. */
    byte[] buffer() {
        return buffer;
    }

    private WireWriter raw(byte[] data) {
        varLong(data.length);
        ensure(data.length);
        System.arraycopy(data, 0, buffer, size, data.length);
        size += data.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
