package io.tumbler.raft.storage;

/**
 * The log on disk is damaged somewhere other than a torn tail, so recovery cannot tell which acknowledged
 * data is lost. Recovery refuses to start rather than silently forget votes or entries; an operator must
 * restore the node from a peer (wipe and rejoin).
 */
public final class CorruptLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long offset;

    /** A corruption found in {@code fileName} at byte {@code offset}, with what was expected. */
    public CorruptLogException(String fileName, long offset, String detail) {
        super("corrupt log: " + fileName + " at offset " + offset + ": " + detail);
        this.fileName = fileName;
        this.offset = offset;
    }

    /** The damaged file's name. */
    public String fileName() {
        return fileName;
    }

    /** The byte offset of the first damaged record in that file. */
    public long offset() {
        return offset;
    }
}
