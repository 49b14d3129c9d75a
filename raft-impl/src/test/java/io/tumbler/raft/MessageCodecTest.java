package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final Entry A = new Entry(7, 3, EntryType.NORMAL, "hello".getBytes(StandardCharsets.UTF_8));
    private static final Entry NOOP = Entry.noop(8, 3);
    private static final Snapshot SNAPSHOT = new Snapshot(new SnapshotMeta(6, 2), new byte[] {9, 8, 7, 0, -1});

    static List<Message> everyKind() {
        return List.of(
                new RequestVote(1, 2, 5, true, 10, 4, false),
                new RequestVote(3, 1, 6, false, 0, 0, true),
                new VoteResponse(2, 1, 5, true, true),
                new VoteResponse(2, 1, 5, false, false),
                new AppendEntries(1, 3, 3, 6, 2, List.of(A, NOOP), 5),
                new AppendEntries(1, 3, 3, 6, 2, List.of(), 5),
                new AppendResponse(3, 1, 3, true, 8, 0, 0),
                new AppendResponse(3, 1, 3, false, 8, 4, 2),
                new Heartbeat(1, 2, 3, 8, 99),
                new HeartbeatResponse(2, 1, 3, 99),
                new InstallSnapshot(1, 2, 3, SNAPSHOT),
                new TimeoutNow(1, 2, Long.MAX_VALUE),
                new JoinRequest(9, 1, 0, 4, 2),
                new JoinChallenge(1, 9, 7, -5_000_000_000L),
                new JoinProof(9, 1, 7, 4, 2, -5_000_000_000L, new byte[32]));
    }

    @Test
    void everyMessageKindRoundTrips() {
        for (Message m : everyKind()) {
            assertEquals(m, MessageCodec.decode(MessageCodec.encode(m)), m.toString());
        }
    }

    @Test
    void entriesHardStatesAndSnapshotsRoundTrip() {
        assertEquals(A, MessageCodec.decodeEntry(MessageCodec.encodeEntry(A)));
        assertEquals(NOOP, MessageCodec.decodeEntry(MessageCodec.encodeEntry(NOOP)));
        HardState hard = new HardState(12, 3, 40);
        assertEquals(hard, MessageCodec.decodeHardState(MessageCodec.encodeHardState(hard)));
        assertEquals(SNAPSHOT, MessageCodec.decodeSnapshot(MessageCodec.encodeSnapshot(SNAPSHOT)));
    }

    @Test
    void framesAreCompact() {
        assertTrue(MessageCodec.encode(new Heartbeat(1, 2, 3, 1000, 77)).length <= 16);
        assertTrue(MessageCodec.encode(new AppendEntries(1, 2, 3, 6, 2, List.of(A), 5)).length <= 40);
    }

    /** CRC32C detects every single-bit error; this checks the codec actually verifies it everywhere. */
    @Test
    void everySingleBitFlipIsDetected() {
        for (Message m : everyKind()) {
            byte[] frame = MessageCodec.encode(m);
            for (int bit = 0; bit < frame.length * 8; bit++) {
                byte[] corrupt = frame.clone();
                corrupt[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThrows(CorruptMessageException.class, () -> MessageCodec.decode(corrupt), m + " bit " + bit);
            }
        }
    }

    @Test
    void everyTruncationIsDetected() {
        byte[] frame = MessageCodec.encode(new AppendEntries(1, 3, 3, 6, 2, List.of(A, NOOP), 5));
        for (int length = 0; length < frame.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(frame, length);
            assertThrows(CorruptMessageException.class, () -> MessageCodec.decode(cut), "length " + length);
        }
    }

    /** A frame whose checksum is intact but whose entry was altered before framing: the digest catches it. */
    @Test
    void entryDigestIsVerifiedIndependentlyOfTheFrame() {
        byte[] frame = MessageCodec.encodeEntry(A);
        int dataAt = indexOf(frame, "hello".getBytes(StandardCharsets.UTF_8));
        frame[dataAt] = 'j';
        reseal(frame);
        CorruptMessageException e = assertThrows(CorruptMessageException.class, () -> MessageCodec.decodeEntry(frame));
        assertTrue(e.getMessage().contains("digest mismatch for entry 7@3"), e.getMessage());
    }

    @Test
    void errorsSayWhatIsWrong() {
        byte[] frame = MessageCodec.encode(new TimeoutNow(1, 2, 3));
        frame[1] = 9;
        reseal(frame);
        CorruptMessageException version = assertThrows(CorruptMessageException.class, () -> MessageCodec.decode(frame));
        assertTrue(version.getMessage().contains("unsupported version 9"), version.getMessage());
        byte[] entryFrame = MessageCodec.encodeEntry(A);
        CorruptMessageException kind = assertThrows(CorruptMessageException.class,
                () -> MessageCodec.decodeHardState(entryFrame));
        assertTrue(kind.getMessage().contains("hard state record"), kind.getMessage());
        CorruptMessageException crc = assertThrows(CorruptMessageException.class,
                () -> MessageCodec.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertTrue(crc.getMessage().contains("CRC32C mismatch"), crc.getMessage());
    }

    /** The encoding and the digests are persisted and exchanged between versions: pin them. */
    @Test
    void formatIsStable() {
        // magic a7, version 01, kind 14 (entry), index 07, term 03, type 01, length 05, "hello",
        // the 8-byte digest, then the 4-byte CRC32C of the frame.
        assertEquals("a701140703010568656c6c6f" + "0bc5e4679d918505" + "c84b814a",
                HexFormat.of().formatHex(MessageCodec.encodeEntry(A)));
        assertEquals(0x0bc5e4679d918505L, A.digest());
        assertArrayEquals(HexFormat.of().parseHex("a7010501020304056c95cd4b"),
                MessageCodec.encode(new Heartbeat(1, 2, 3, 4, 5)));
    }

    @Test
    void digestsDifferWhenAnyFieldDiffers() {
        long base = A.digest();
        assertTrue(base != new Entry(8, 3, EntryType.NORMAL, A.data()).digest());
        assertTrue(base != new Entry(7, 4, EntryType.NORMAL, A.data()).digest());
        assertTrue(base != new Entry(7, 3, EntryType.NORMAL, "hellp".getBytes(StandardCharsets.UTF_8)).digest());
        assertTrue(Entry.noop(7, 3).digest() != new Entry(7, 3, EntryType.NORMAL, new byte[0]).digest());
    }

    private static void reseal(byte[] frame) {
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, frame.length - 4);
        int value = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            frame[frame.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
