package io.tumbler.raft.storage;

import io.tumbler.raft.CorruptMessageException;
import io.tumbler.raft.HardState;
import io.tumbler.raft.MessageCodec;
import io.tumbler.raft.node.SyncCallback;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The hard state, double-buffered in two one-record files {@code hardstate-a} and {@code hardstate-b}.
 * Each save rewrites the slot that does NOT hold the last durable version, with a sequence number one
 * higher, so a crash that tears the rewrite leaves the other slot intact; recovery takes the valid slot
 * with the higher sequence.
 *
 * <p>Limit: a durable slot later damaged by bit rot is indistinguishable from a torn rewrite, and recovery
 * falls back to the previous version (one save older). The same holds for the last record of any log
 * (etcd's WAL has it too); two damaged slots are reported as corruption.
 */
final class HardStateSlots {
    static final String SLOT_A = "hardstate-a";
    static final String SLOT_B = "hardstate-b";

    private final StorageFile[] slots;
    /** Slot index (0 or 1) holding the last durable version, -1 if none was ever written. */
    private int durableSlot;
    private long durableSequence;
    private HardState durable;
    /** True when the other slot holds an unsynced rewrite, of {@link #pendingState}. */
    private boolean pending;
    private HardState pendingState;

    private HardStateSlots(StorageFile a, StorageFile b, int durableSlot, long durableSequence, HardState durable) {
        this.slots = new StorageFile[] {a, b};
        this.durableSlot = durableSlot;
        this.durableSequence = durableSequence;
        this.durable = durable;
    }

    /** Opens (creating if absent) both slots and recovers the newest valid hard state. */
    static HardStateSlots open(StorageDirectory directory) throws IOException {
        StorageFile a = directory.open(SLOT_A);
        StorageFile b = directory.open(SLOT_B);
        SlotContent ca = SlotContent.read(a);
        SlotContent cb = SlotContent.read(b);
        if (ca.valid() && cb.valid()) {
            if (ca.sequence() == cb.sequence()) {
                throw new CorruptLogException(SLOT_B, 0, "both hard-state slots carry sequence " + ca.sequence());
            }
            return ca.sequence() > cb.sequence()
                    ? new HardStateSlots(a, b, 0, ca.sequence(), ca.state())
                    : new HardStateSlots(a, b, 1, cb.sequence(), cb.state());
        }
        if (ca.valid()) {
            return new HardStateSlots(a, b, 0, ca.sequence(), ca.state());
        }
        if (cb.valid()) {
            return new HardStateSlots(a, b, 1, cb.sequence(), cb.state());
        }
        if (!ca.empty() && !cb.empty()) {
            throw new CorruptLogException(SLOT_A, 0, "neither hard-state slot holds a valid record: "
                    + ca.problem() + "; " + SLOT_B + ": " + cb.problem());
        }
        // At most one slot was ever written and its first write was torn: nothing was durable.
        return new HardStateSlots(a, b, -1, 0, HardState.EMPTY);
    }

    HardState recovered() {
        return durable;
    }

    /** Rewrites the non-durable slot; a second save before a sync rewrites the same slot again. */
    void save(HardState state) {
        StorageFile target = slots[durableSlot == 0 ? 1 : 0];
        byte[] payload = new PayloadWriter(48).writeLong(durableSequence + 1)
                .writeBytes(MessageCodec.encodeHardState(state)).toByteArray();
        try {
            target.truncate(0);
            target.append(RecordFrame.encode(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write hard state to " + target.name() + ": " + e.getMessage(), e);
        }
        pending = true;
        pendingState = state;
    }

    boolean dirty() {
        return pending;
    }

    /** Syncs the pending slot. */
    void sync(SyncCallback callback) {
        slots[durableSlot == 0 ? 1 : 0].sync(callback);
    }

    /** Called after {@link #sync} succeeded: the pending slot becomes the durable one. */
    void markDurable() {
        if (!pending) {
            return;
        }
        durableSlot = durableSlot == 0 ? 1 : 0;
        durableSequence++;
        durable = pendingState;
        pending = false;
    }

    void close() throws IOException {
        slots[0].close();
        slots[1].close();
    }

    /** What one slot file holds. */
    private record SlotContent(boolean empty, boolean valid, long sequence, HardState state, String problem) {
        static SlotContent read(StorageFile file) throws IOException {
            long size = file.size();
            if (size == 0) {
                return new SlotContent(true, false, 0, null, "empty");
            }
            if (size > 4096) {
                return new SlotContent(false, false, 0, null, size + " bytes is too large for a hard-state slot");
            }
            byte[] bytes = file.read(0, (int) size);
            FrameScan scan = FrameScan.of(bytes, bytes.length);
            if (scan.frames().size() != 1 || scan.invalid() != null) {
                String why = scan.invalid() != null ? scan.invalid().reason() : scan.frames().size() + " records";
                return new SlotContent(false, false, 0, null, why);
            }
            try {
                PayloadReader in = new PayloadReader(scan.frames().get(0).payload());
                long sequence = in.readLong();
                HardState state = MessageCodec.decodeHardState(in.readBytes());
                in.expectEnd();
                return new SlotContent(false, true, sequence, state, null);
            } catch (PayloadReader.MalformedPayloadException | CorruptMessageException e) {
                throw new CorruptLogException(file.name(), 0, "checksummed hard state does not parse: " + e.getMessage());
            }
        }
    }
}
