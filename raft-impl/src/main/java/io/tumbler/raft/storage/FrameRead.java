package io.tumbler.raft.storage;

/** What {@link RecordFrame#readAt} found at an offset. */
public sealed interface FrameRead permits FrameRead.Frame, FrameRead.Invalid, FrameRead.End {
    /** A whole, checksum-verified frame occupying {@code [offset, end)}. */
    record Frame(int offset, int end, byte[] payload) implements FrameRead {}

    /** No valid frame starts at {@code offset}; {@code reason} says why, for an error message. */
    record Invalid(int offset, String reason) implements FrameRead {}

    /** The offset is exactly the end of the data. */
    record End() implements FrameRead {}
}
