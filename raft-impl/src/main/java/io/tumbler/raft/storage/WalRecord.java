package io.tumbler.raft.storage;

import io.tumbler.raft.Entry;
import io.tumbler.raft.MessageCodec;

/**
 * One record of the write-ahead log, the payload inside a {@link RecordFrame}. The log is append-only:
 * truncating a suffix is expressed by appending an entry whose index is at or below the last one, and
 * installing a leader's snapshot by a {@link LogReset}; recovery replays records in order.
 */
public sealed interface WalRecord permits WalRecord.SegmentHeader, WalRecord.EntryRecord, WalRecord.LogReset {
    /** Format version written in every segment header. */
    int FORMAT_VERSION = 1;

    /** "TUMBLWAL" in ASCII: marks a segment file as ours. */
    long MAGIC = 0x54554D424C57414CL;

    /** The first record of every segment; {@code sequence} must match the file name. */
    record SegmentHeader(long sequence) implements WalRecord {}

    /** A log entry; discards every earlier-recorded entry at or after its index. */
    record EntryRecord(Entry entry) implements WalRecord {}

    /** The log is empty and continues after {@code (index, term)}, which a durable snapshot covers. */
    record LogReset(long index, long term) implements WalRecord {}

    /** The record's payload bytes. */
    default byte[] encode() {
        if (this instanceof SegmentHeader header) {
            return new PayloadWriter(32).writeByte(1).writeLong(MAGIC).writeInt(FORMAT_VERSION)
                    .writeLong(header.sequence()).toByteArray();
        }
        if (this instanceof EntryRecord record) {
            byte[] entry = MessageCodec.encodeEntry(record.entry());
            return new PayloadWriter(entry.length + 8).writeByte(2).writeBytes(entry).toByteArray();
        }
        LogReset reset = (LogReset) this;
        return new PayloadWriter(24).writeByte(3).writeLong(reset.index()).writeLong(reset.term()).toByteArray();
    }

    /**
     * Parses a payload; throws {@link PayloadReader.MalformedPayloadException} or
     * {@code CorruptMessageException} when it does not parse (the caller adds file and offset).
     */
    static WalRecord decode(byte[] payload) {
        PayloadReader in = new PayloadReader(payload);
        int tag = in.readByte();
        WalRecord record;
        if (tag == 1) {
            long magic = in.readLong();
            int version = in.readInt();
            if (magic != MAGIC || version != FORMAT_VERSION) {
                throw new PayloadReader.MalformedPayloadException("not a Tumbler WAL segment header (magic "
                        + Long.toHexString(magic) + ", version " + version + ")");
            }
            record = new SegmentHeader(in.readLong());
        } else if (tag == 2) {
            record = new EntryRecord(MessageCodec.decodeEntry(in.readBytes()));
        } else if (tag == 3) {
            record = new LogReset(in.readLong(), in.readLong());
        } else {
            throw new PayloadReader.MalformedPayloadException("unknown WAL record tag " + tag);
        }
        in.expectEnd();
        return record;
    }
}
