package io.tumbler.raft;

/**
 * Bytes that are not a valid encoding: wrong magic or version, bad checksum, truncated, or an entry
 * whose digest does not match its contents. The message says what and where; a transport drops
 * the frame (Raft tolerates loss), storage reports the record as corrupt.
 */
public final class CorruptMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptMessageException(String message) {
        super(message);
    }
}
