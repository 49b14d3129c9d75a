package io.tumbler.vm;

import java.util.function.Function;

/**
 * The compact, versioned binary wire form of commands, queries and results: what a client puts in a Raft
 * proposal or a read request, and what {@link VmStateMachine} returns.
 *
 * <p>Every encoding starts with a two-byte header, a kind letter and the format version:
 * {@code 'C' 1} command, {@code 'Q' 1} query, {@code 'R' 1} result ({@code 'S' 1} is the snapshot, see
 * {@link VmStateMachine#snapshot}). Then one tag byte names the record and its fields follow in
 * declaration order: numbers as minimal unsigned LEB128 varints, strings and byte strings as a varint
 * length and the bytes (strings in UTF-8), optional strings behind a presence byte, enums as their
 * {@code code()}. Tags and codes are frozen; a change of layout takes a new format version, and a decoder
 * refuses versions it does not know rather than guess.
 *
 * <p>Encoding is canonical: each value has exactly one encoding, so {@code encode(decode(b))} equals
 * {@code b} for every accepted {@code b}. Decoding trusts nothing and throws {@link VmCodecException}
 * naming the offset and what was expected. Thread-safe (stateless).
 */
public final class VmCodec {
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    static final char COMMAND = 'C';
    static final char QUERY = 'Q';
    static final char RESULT = 'R';
    static final char SNAPSHOT = 'S';

    private VmCodec() {}

    /** The wire form of {@code command}. */
    public static byte[] encodeCommand(VmCommand command) {
        WireWriter out = new WireWriter().header(COMMAND, FORMAT_VERSION);
        CommandCodec.write(out, command);
        return out.toByteArray();
    }

    /** The command encoded in {@code bytes}; throws {@link VmCodecException} if there is none. */
    public static VmCommand decodeCommand(byte[] bytes) {
        return decode(bytes, "command", COMMAND, CommandCodec::read);
    }

    /** The wire form of {@code query}. */
    public static byte[] encodeQuery(VmQuery query) {
        WireWriter out = new WireWriter().header(QUERY, FORMAT_VERSION);
        QueryCodec.write(out, query);
        return out.toByteArray();
    }

    /** The query encoded in {@code bytes}; throws {@link VmCodecException} if there is none. */
    public static VmQuery decodeQuery(byte[] bytes) {
        return decode(bytes, "query", QUERY, QueryCodec::read);
    }

    /** The wire form of {@code result}. */
    public static byte[] encodeResult(VmResult result) {
        WireWriter out = new WireWriter().header(RESULT, FORMAT_VERSION);
        ResultCodec.write(out, result);
        return out.toByteArray();
    }

    /** The result encoded in {@code bytes}; throws {@link VmCodecException} if there is none. */
    public static VmResult decodeResult(byte[] bytes) {
        return decode(bytes, "result", RESULT, ResultCodec::read);
    }

    /**
     * Reads a header of {@code kind}, the body, and the end; a field that breaks a record's rules (a bad
     * id, a zero size) is reported as a codec error at the offset where the record ended.
     */
    static <T> T decode(byte[] bytes, String subject, char kind, Function<WireReader, T> body) {
        WireReader in = new WireReader(bytes, subject);
        try {
            in.header(kind, FORMAT_VERSION);
            T value = body.apply(in);
            in.expectEnd();
            return value;
        } catch (VmCodecException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw in.error("invalid value: " + e.getMessage());
        }
    }
}
