package io.tumbler.raft;

/**
 * A fast, deterministic 64-bit checksum for log entries and snapshots: eight bytes per round with a
 * multiply-rotate mix and a final avalanche, so single-bit flips and swapped words change the value.
 * It detects accidental corruption (torn writes, bit rot, a bad link); it is not a cryptographic MAC.
 * The function is frozen: values are stored on disk and sent on the wire.
 */
public final class Digest64 {
    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;

    private long state;
    private long lengthBytes;

    /** A digest seeded with a domain constant, so equal bytes in different roles hash differently. */
    public Digest64(long domain) {
        this.state = domain * PRIME_3 + PRIME_1;
    }

    /** Mixes one 64-bit word. */
    public Digest64 addLong(long value) {
        state = Long.rotateLeft(state ^ (value * PRIME_2), 31) * PRIME_1;
        lengthBytes += Long.BYTES;
        return this;
    }

    /** Mixes a byte range, eight bytes at a time, then the tail byte by byte. */
    public Digest64 addBytes(byte[] bytes, int offset, int length) {
        int position = offset;
        int end = offset + length;
        while (end - position >= Long.BYTES) {
            addLong(littleEndianLong(bytes, position));
            position += Long.BYTES;
        }
        while (position < end) {
            state = Long.rotateLeft(state ^ ((bytes[position] & 0xFFL) * PRIME_3), 11) * PRIME_1;
            lengthBytes++;
            position++;
        }
        return this;
    }

    /** Mixes a whole array, length included, so {@code [a][bc]} and {@code [ab][c]} differ. */
    public Digest64 addBytes(byte[] bytes) {
        addLong(bytes.length);
        return addBytes(bytes, 0, bytes.length);
    }

    /** The final value; the digest may keep being extended afterwards. */
    public long value() {
        long h = state ^ lengthBytes;
        h ^= h >>> 33;
        h *= PRIME_2;
        h ^= h >>> 29;
        h *= PRIME_3;
        h ^= h >>> 32;
        return h;
    }

    private static long littleEndianLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFFL);
        }
        return value;
    }
}
