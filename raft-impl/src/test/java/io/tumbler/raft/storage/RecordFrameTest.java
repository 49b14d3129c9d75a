package io.tumbler.raft.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordFrameTest {
    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    @Test
    void roundTripsFramesBackToBack() {
        byte[] a = RecordFrame.encode("alpha".getBytes(StandardCharsets.UTF_8));
        byte[] b = RecordFrame.encode(new byte[] {7});
        byte[] file = concat(a, b);
        FrameScan scan = FrameScan.of(file, file.length);
        assertEquals(2, scan.frames().size());
        assertArrayEquals("alpha".getBytes(StandardCharsets.UTF_8), scan.frames().get(0).payload());
        assertArrayEquals(new byte[] {7}, scan.frames().get(1).payload());
        assertEquals(a.length, scan.frames().get(1).offset());
        assertEquals(file.length, scan.validEnd());
        assertEquals(null, scan.invalid());
    }

    @Test
    void everySingleBitFlipIsDetected() {
        byte[] frame = RecordFrame.encode("the quick brown fox".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < frame.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] copy = frame.clone();
                copy[i] ^= (byte) (1 << bit);
                assertInstanceOf(FrameRead.Invalid.class, RecordFrame.readAt(copy, 0, copy.length),
                        "flip of bit " + bit + " at byte " + i + " went unnoticed");
            }
        }
    }

    @Test
    void everyTruncationIsInvalidNotAShorterFrame() {
        byte[] frame = RecordFrame.encode(new byte[100]);
        for (int cut = 1; cut < frame.length; cut++) {
            assertInstanceOf(FrameRead.Invalid.class, RecordFrame.readAt(frame, 0, cut), "cut at " + cut);
        }
        assertInstanceOf(FrameRead.End.class, RecordFrame.readAt(frame, 0, 0));
    }

    @Test
    void zeroFilledTailNeverFormsAFrame() {
        byte[] zeros = new byte[4096];
        assertInstanceOf(FrameRead.Invalid.class, RecordFrame.readAt(zeros, 0, zeros.length));
        assertFalse(RecordFrame.anyValidFrameAfter(zeros, 0, zeros.length));
    }

    @Test
    void findsAValidFrameAfterGarbage() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        byte[] file = concat(garbage, RecordFrame.encode(new byte[] {42, 43}));
        assertInstanceOf(FrameRead.Invalid.class, RecordFrame.readAt(file, 0, file.length));
        assertTrue(RecordFrame.anyValidFrameAfter(file, 0, file.length));
        assertFalse(RecordFrame.anyValidFrameAfter(garbage, 0, garbage.length));
    }
}
