package io.tumbler.raft.storage;

/**
 * Reads a payload written by {@link PayloadWriter}. A payload that is too short or malformed throws
 * {@link MalformedPayloadException}; since every payload passed a CRC first, that means a bug or a
 * version mismatch, and the caller turns it into a {@link CorruptLogException} naming file and offset.
 */
final class PayloadReader {
    private final byte[] bytes;
    private int position;

    PayloadReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xff;
    }

    int readInt() {
        need(4);
        int value = RecordFrame.readInt(bytes, position);
        position += 4;
        return value;
    }

    long readLong() {
        long high = readInt() & 0xffffffffL;
        return (high << 32) | (readInt() & 0xffffffffL);
    }

    byte[] readBytes() {
        int length = readInt();
        if (length < 0) {
            throw new MalformedPayloadException("negative byte-string length " + length);
        }
        need(length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    /** Asserts the whole payload was consumed (trailing bytes mean a format mismatch). */
    void expectEnd() {
        if (position != bytes.length) {
            throw new MalformedPayloadException((bytes.length - position) + " unexpected trailing bytes");
        }
    }

    private void need(int count) {
        if (count > bytes.length - position) {
            throw new MalformedPayloadException("payload ends after " + bytes.length + " bytes, needed "
                    + (position + count));
        }
    }

    /** A checksummed payload whose content does not parse. */
    static final class MalformedPayloadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedPayloadException(String message) {
            super(message);
        }
    }
}
