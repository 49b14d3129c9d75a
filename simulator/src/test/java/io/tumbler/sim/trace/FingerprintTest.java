package io.tumbler.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static long sample(TraceJournal journal) {
        journal.record(TraceType.PROCESS_START, 0, 0, 1, 0);
        journal.record(TraceType.MESSAGE_SEND, 1_000, 0, 2, 0xABCDL);
        journal.record(TraceType.MESSAGE_DELIVER, 251_000, 2, 0, 0xABCDL, "detail is not fingerprinted");
        return journal.fingerprint();
    }

    /**
     * Pins the documented function (the hex value was computed by an independent Python transcription of it): a
     * change here changes every recorded fingerprint and must be deliberate.
     */
    @Test
    void theFingerprintFunctionIsPinned() {
        assertEquals(0x7475_6D62_6C65_7231L, TraceJournal.fingerprintOnly().fingerprint());
        long expected = Fingerprint.INITIAL;
        expected = Fingerprint.fold(expected, TraceType.PROCESS_START, 0, 0, 1, 0);
        expected = Fingerprint.fold(expected, TraceType.MESSAGE_SEND, 1_000, 0, 2, 0xABCDL);
        expected = Fingerprint.fold(expected, TraceType.MESSAGE_DELIVER, 251_000, 2, 0, 0xABCDL);
        assertEquals(expected, sample(TraceJournal.fingerprintOnly()));
        assertEquals("0x62ada7b3a3bab90a", Fingerprint.hex(sample(TraceJournal.fingerprintOnly())));
    }

    @Test
    void everyFieldAndTheOrderOfRecordsMatter() {
        long base = Fingerprint.fold(Fingerprint.INITIAL, TraceType.TIMER_FIRE, 10, 1, 2, 3);
        assertNotEquals(base, Fingerprint.fold(Fingerprint.INITIAL, TraceType.TIMER_SET, 10, 1, 2, 3));
        assertNotEquals(base, Fingerprint.fold(Fingerprint.INITIAL, TraceType.TIMER_FIRE, 11, 1, 2, 3));
        assertNotEquals(base, Fingerprint.fold(Fingerprint.INITIAL, TraceType.TIMER_FIRE, 10, 2, 2, 3));
        assertNotEquals(base, Fingerprint.fold(Fingerprint.INITIAL, TraceType.TIMER_FIRE, 10, 1, 3, 2));
        long ab = Fingerprint.fold(Fingerprint.fold(Fingerprint.INITIAL, 1), 2);
        long ba = Fingerprint.fold(Fingerprint.fold(Fingerprint.INITIAL, 2), 1);
        assertNotEquals(ab, ba);
    }

    @Test
    void textModeKeepsRecordsAndRendersJsonLines() {
        TraceJournal journal = TraceJournal.withText();
        assertEquals(sample(TraceJournal.fingerprintOnly()), sample(journal));
        assertEquals(3, journal.recordCount());
        TraceRecord deliver = journal.records().get(2);
        assertEquals(2, deliver.index());
        assertEquals("{\"index\":2,\"type\":\"MESSAGE_DELIVER\",\"timeNanos\":251000,\"process\":\"n2\","
                + "\"a\":0,\"b\":43981,\"detail\":\"detail is not fingerprinted\"}", deliver.toJsonLine("n2"));
        TraceRecord odd = new TraceRecord(0, TraceType.ACTION, 0, -1, 0, 0, "say \"hi\"\\\n");
        assertEquals("{\"index\":0,\"type\":\"ACTION\",\"timeNanos\":0,\"process\":null,\"a\":0,\"b\":0,"
                + "\"detail\":\"say \\\"hi\\\"\\\\\\u000a\"}", odd.toJsonLine(null));
    }
}
