package io.tumbler.raft;

import java.util.Arrays;

/**
 * Reads the primitives {@link WireWriter} writes, from a bounded range, and turns every malformed
 * input into a {@link CorruptMessageException} naming the offset: never an index-out-of-bounds or
 * a huge allocation driven by a corrupt length.
 */
final class WireReader {
    private final byte[] bytes;
    private final String what;
    private final int end;
    private int position;

    WireReader(byte[] bytes, int start, int end, String what) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
        this.what = what;
    }

    int readByte() {
        need(1, "a byte");
        return bytes[position++] & 0xFF;
    }

    long readVarLong(String field) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, field);
            int b = bytes[position++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw corrupt("negative " + field);
                }
                return value;
            }
        }
        throw corrupt("varint too long for " + field);
    }

    int readVarInt(String field) {
        long value = readVarLong(field);
        if (value > Integer.MAX_VALUE) {
            throw corrupt(field + " out of int range: " + value);
        }
        return (int) value;
    }

    long readFixedLong(String field) {
        need(Long.BYTES, field);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[position++] & 0xFFL);
        }
        return value;
    }

    /** A 4-byte big-endian unsigned value (the frame CRC). */
    long readCrc32() {
        need(Integer.BYTES, "checksum");
        long value = 0;
        for (int i = 0; i < Integer.BYTES; i++) {
            value = (value << 8) | (bytes[position++] & 0xFFL);
        }
        return value;
    }

    byte[] readBytes(String field) {
        long length = readVarLong(field + " length");
        if (length > end - position) {
            throw corrupt(field + " length " + length + " exceeds the " + (end - position) + " remaining bytes");
        }
        byte[] out = Arrays.copyOfRange(bytes, position, position + (int) length);
        position += (int) length;
        return out;
    }

    /** A count of items each at least {@code minItemBytes} long, bounded by what is left. */
    int readCount(String field, int minItemBytes) {
        long count = readVarLong(field);
        if (count * minItemBytes > end - position) {
            throw corrupt(field + " " + count + " cannot fit in the " + (end - position) + " remaining bytes");
        }
        return (int) count;
    }

    boolean readBoolean(String field) {
        int b = readByte();
        if (b > 1) {
            throw corrupt("invalid boolean " + b + " for " + field);
        }
        return b == 1;
    }

    /** True once every byte of the frame body has been read. */
    boolean atEnd() {
        return position == end;
    }

    void expectEnd() {
        if (position != end) {
            throw corrupt((end - position) + " trailing bytes");
        }
    }

    CorruptMessageException corrupt(String detail) {
        return new CorruptMessageException(what + " is corrupt at offset " + position + ": " + detail);
    }

    private void need(int count, String field) {
        if (end - position < count) {
            throw corrupt("truncated while reading " + field);
        }
    }
}
