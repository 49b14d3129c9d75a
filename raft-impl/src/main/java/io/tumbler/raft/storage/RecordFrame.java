package io.tumbler.raft.storage;

import java.util.zip.CRC32C;

/**
 * The on-disk frame of every record Tumbler writes: {@code [length u32][crc32c u32][payload]}, big-endian.
 *
 * <p>The checksum covers the four length bytes and the payload, so a flipped length is caught as surely
 * as a flipped payload byte. A payload is never empty, so a run of zero bytes (what some file systems show
 * for a torn, size-extended write) never forms a valid frame.
 */
public final class RecordFrame {
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = 8;

    /** Largest payload accepted; a larger length field is corruption, not a request to read 4 GiB. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 30;

    private RecordFrame() {}

    /** Frames {@code payload} (non-empty). */
    public static byte[] encode(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload length out of range: " + payload.length);
        }
        byte[] out = new byte[HEADER_BYTES + payload.length];
        writeInt(out, 0, payload.length);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        writeInt(out, 4, checksum(out, 0, payload.length));
        return out;
    }

    /**
     * Reads the frame starting at {@code offset} of {@code bytes} (whose first {@code limit} bytes are
     * meaningful).
     */
    public static FrameRead readAt(byte[] bytes, int offset, int limit) {
        if (offset == limit) {
            return new FrameRead.End();
        }
        if (limit - offset < HEADER_BYTES) {
            return new FrameRead.Invalid(offset, "incomplete frame header (" + (limit - offset) + " bytes)");
        }
        int length = readInt(bytes, offset);
        if (length <= 0 || length > MAX_PAYLOAD_BYTES) {
            return new FrameRead.Invalid(offset, "impossible payload length " + Integer.toUnsignedString(length));
        }
        if (length > limit - offset - HEADER_BYTES) {
            return new FrameRead.Invalid(offset, "payload of " + length + " bytes runs past the end of the file");
        }
        int stored = readInt(bytes, offset + 4);
        int actual = checksum(bytes, offset, length);
        if (stored != actual) {
            return new FrameRead.Invalid(offset, "checksum mismatch (stored " + Integer.toHexString(stored)
                    + ", computed " + Integer.toHexString(actual) + ")");
        }
        byte[] payload = new byte[length];
        System.arraycopy(bytes, offset + HEADER_BYTES, payload, 0, length);
        return new FrameRead.Frame(offset, offset + HEADER_BYTES + length, payload);
    }

    /**
     * Whether any valid frame starts at an offset in {@code (from, limit)}. Used only after a bad frame, to
     * tell a torn tail (nothing valid after it) from damage in the middle (valid records follow). The scan
     * is quadratic in the worst case, but runs over at most one torn write or up to the next good record.
     */
    public static boolean anyValidFrameAfter(byte[] bytes, int from, int limit) {
        for (int offset = from + 1; offset + HEADER_BYTES < limit; offset++) {
            if (readAt(bytes, offset, limit) instanceof FrameRead.Frame) {
                return true;
            }
        }
        return false;
    }

    private static int checksum(byte[] frame, int offset, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(frame, offset, 4);
        crc.update(frame, offset + HEADER_BYTES, payloadLength);
        return (int) crc.getValue();
    }

    static void writeInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    static int readInt(byte[] in, int at) {
        return ((in[at] & 0xff) << 24) | ((in[at + 1] & 0xff) << 16) | ((in[at + 2] & 0xff) << 8)
                | (in[at + 3] & 0xff);
    }
}
