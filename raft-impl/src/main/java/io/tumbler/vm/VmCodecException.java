package io.tumbler.vm;

/**
 * Bytes that are not a valid encoding of what the decoder was asked for: wrong header, unknown format
 * version or tag, truncation, trailing bytes, a field out of range, or a snapshot whose checksum does not
 * match. The message names what was being decoded, the byte offset and what was expected.
 *
 * <p>{@link VmStateMachine#apply} and {@link VmStateMachine#query} never let it escape: undecodable
 * input becomes a {@link VmResult.Malformed} value, identically on every replica.
 */
public final class VmCodecException extends IllegalArgumentException {
    private final int offset;

    VmCodecException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The byte offset at which decoding failed. */
    public int offset() {
        return offset;
    }
}
