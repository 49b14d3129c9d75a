package io.tumbler.vm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link WireWriter} wrote, trusting nothing: every read is bounds-checked, varints must be
 * minimal (so each value has exactly one encoding), lengths and counts may not exceed the bytes left,
 * and every failure is a {@link VmCodecException} naming what was being read and where.
 */
final class WireReader {
    private static final int MAX_STRING_BYTES = 64 * 1024;

    private final byte[] data;
    private final String subject;
    private int position;

    /** Reads {@code data}, described as {@code subject} ("command", "snapshot", ...) in error messages. */
    WireReader(byte[] data, String subject) {
        this.data = data;
        this.subject = subject;
    }

    void header(char kind, int version) {
        int foundKind = u8("header");
        if (foundKind != kind) {
            throw error("expected header '" + kind + "' (0x" + Integer.toHexString(kind) + "), found 0x"
                    + Integer.toHexString(foundKind) + " — not a " + subject + " encoding");
        }
        int foundVersion = u8("format version");
        if (foundVersion != version) {
            throw error("unsupported format version " + foundVersion + " (this build reads version " + version + ")");
        }
    }

    int u8(String field) {
        if (position >= data.length) {
            throw error("truncated: expected " + field);
        }
        return data[position++] & 0xFF;
    }

    boolean bool(String field) {
        int value = u8(field);
        if (value > 1) {
            throw error(field + " must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    long varLong(String field) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = u8(field);
            if (shift == 63 && next > 1) {
                throw error(field + " overflows 63 bits");
            }
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                if (next == 0 && shift > 0) {
                    throw error(field + " is not minimally encoded");
                }
                if (value < 0) {
                    throw error(field + " overflows 63 bits");
                }
                return value;
            }
        }
        throw error(field + " is longer than 10 bytes");
    }

    /** A varint that must be at most {@code max}. */
    int varInt(String field, int max) {
        long value = varLong(field);
        if (value > max) {
            throw error(field + " must be at most " + max + ", got " + value);
        }
        return (int) value;
    }

    /** A count of items that each take at least one byte, so it cannot exceed the bytes left. */
    int count(String field) {
        return varInt(field, remaining());
    }

    /** A length-prefixed string, which must be well-formed UTF-8 (so that it re-encodes to the same bytes). */
    String string(String field) {
        byte[] raw = raw(field, MAX_STRING_BYTES);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw error(field + " is not well-formed UTF-8");
        }
    }

    String optionalString(String field) {
        return bool(field + " presence") ? string(field) : null;
    }

    Bytes bytes(String field) {
        return Bytes.wrap(raw(field, Integer.MAX_VALUE));
    }

    long fixedLong(String field) {
        if (remaining() < Long.BYTES) {
            throw error("truncated: expected 8-byte " + field);
        }
        long value = littleEndianLong(data, position);
        position += Long.BYTES;
        return value;
    }

    /** The 8 bytes at {@code at}, least significant first. */
    static long littleEndianLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFFL);
        }
        return value;
    }

    void expectEnd() {
        if (position != data.length) {
            throw error((data.length - position) + " unexpected trailing byte(s)");
        }
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    /** An error at the current position. */
    VmCodecException error(String message) {
        return new VmCodecException(subject + " at byte " + position + ": " + message, position);
    }

    private byte[] raw(String field, int maxBytes) {
        long length = varLong(field + " length");
        if (length > maxBytes) {
            throw error(field + " length must be at most " + maxBytes + ", got " + length);
        }
        if (length > remaining()) {
            throw error("truncated: " + field + " declares " + length + " bytes, " + remaining() + " left");
        }
        byte[] out = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return out;
    }
}
