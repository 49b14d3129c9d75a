package io.tumbler.sim.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.kernel.ProcessGate;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.random.DelayDistribution;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimDiskTest {
    private static final long SYNC_NANOS = 100_000;

    private Simulation sim = Simulation.create(31);
    private SimDisk disk = newDisk(sim);
    private final List<SyncResult> results = new ArrayList<>();

    private static SimDisk newDisk(Simulation sim) {
        return new SimDisk(sim, 0, ProcessGate.alwaysOpen(), sim.streams().stream("disk").stream("p0"),
                new DiskProfile(DelayDistribution.fixed(SYNC_NANOS)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void syncAndWait(String file) {
        disk.sync(file, results::add);
        sim.runUntilIdle();
    }

    @Test
    void readsSeeUnsyncedWritesButACrashKeepsExactlyTheSyncedBytes() {
        disk.append("log", bytes("synced;"));
        syncAndWait("log");
        disk.append("log", bytes("unsynced;"));
        disk.write("other", 0, bytes("never synced"));
        assertEquals("synced;unsynced;", text(disk.readAll("log")));
        CrashDamage damage = disk.crash(false);
        assertEquals("synced;", text(disk.readAll("log")));
        assertEquals("", text(disk.readAll("other")));
        assertEquals(2, damage.unsyncedChangesLost());
        assertFalse(damage.torn());
        assertEquals(List.of(SyncResult.SYNCED), results);
    }

    @Test
    void aSyncTakesSimulatedTimeAndCoversOnlyChangesIssuedBeforeIt() {
        disk.append("log", bytes("a"));
        long done = disk.sync("log", results::add);
        assertEquals(SYNC_NANOS, done);
        disk.append("log", bytes("b"));
        sim.runUntil(SYNC_NANOS - 1);
        assertEquals(List.of(), results);
        assertEquals("", text(disk.durableContents("log")));
        sim.runUntilIdle();
        assertEquals(List.of(SyncResult.SYNCED), results);
        assertEquals("a", text(disk.durableContents("log")));
        assertEquals(1, disk.unsyncedChanges("log"));
        disk.crash(false);
        assertEquals("a", text(disk.readAll("log")));
    }

    @Test
    void overwritesAndTruncationsAreDurableOnlyAfterSync() {
        disk.append("f", bytes("0123456789"));
        syncAndWait("f");
        disk.write("f", 2, bytes("xy"));
        disk.truncate("f", 6);
        assertEquals("01xy45", text(disk.readAll("f")));
        disk.crash(false);
        assertEquals("0123456789", text(disk.readAll("f")));
        disk.write("f", 2, bytes("xy"));
        disk.truncate("f", 6);
        syncAndWait("f");
        disk.crash(false);
        assertEquals("01xy45", text(disk.readAll("f")));
        assertEquals("45", text(disk.read("f", 4, 100)));
        assertEquals(0, disk.read("f", 50, 1).length);
    }

    @Test
    void aTornWriteKeepsAStrictPrefixOfTheLastUnsyncedWrite() {
        byte[] record = bytes("0123456789abcdefghij");
        int nonTrivial = 0;
        for (long seed = 1; seed <= 40; seed++) {
            sim = Simulation.create(seed);
            disk = newDisk(sim);
            disk.append("log", bytes("HEAD"));
            syncAndWait("log");
            disk.append("log", bytes("lost entirely;"));
            disk.append("log", record);
            CrashDamage damage = disk.crash(true);
            assertTrue(damage.torn());
            assertEquals("log", damage.tornFile());
            int kept = damage.tornBytesKept();
            assertTrue(kept >= 0 && kept < record.length, "kept " + kept);
            byte[] after = disk.readAll("log");
            assertEquals("HEAD", text(java.util.Arrays.copyOf(after, 4)));
            if (kept > 0) {
                int at = 4 + "lost entirely;".length();
                assertEquals(at + kept, after.length);
                assertArrayEquals(java.util.Arrays.copyOf(record, kept), java.util.Arrays.copyOfRange(after, at, after.length));
                assertArrayEquals(new byte[at - 4], java.util.Arrays.copyOfRange(after, 4, at), "never-durable gap reads as zeros");
                nonTrivial++;
            } else {
                assertEquals(4, after.length);
            }
        }
        assertTrue(nonTrivial > 20, "most seeds keep a non-empty prefix: " + nonTrivial);
    }

    @Test
    void aBitFlipChangesExactlyThatBitInTheReadableAndDurableData() {
        disk.append("f", new byte[16]);
        syncAndWait("f");
        assertTrue(disk.flipBit("f", 8 * 3 + 5));
        byte[] expected = new byte[16];
        expected[3] = 1 << 5;
        assertArrayEquals(expected, disk.readAll("f"));
        assertArrayEquals(expected, disk.durableContents("f"));
        assertFalse(disk.flipBit("f", 16 * 8), "past the end");
        assertFalse(disk.flipBit("missing", 0));
    }

    @Test
    void aRandomBitFlipChangesExactlyOneBitAndAFlipInUnsyncedDataSurvivesItsSync() {
        byte[] data = bytes("some payload bytes");
        disk.append("f", data);
        Optional<BitFlip> flip = disk.flipRandomBit();
        assertTrue(flip.isPresent());
        byte[] after = disk.readAll("f");
        int differingBits = 0;
        for (int i = 0; i < data.length; i++) {
            differingBits += Integer.bitCount((data[i] ^ after[i]) & 0xFF);
        }
        assertEquals(1, differingBits);
        syncAndWait("f");
        assertArrayEquals(after, disk.durableContents("f"));
        assertEquals(Optional.empty(), disk.flipRandomBit("empty"));
    }

    @Test
    void anInjectedSyncFailureReportsFailureAndMakesNothingDurable() {
        disk.append("log", bytes("entry"));
        disk.failNextSync();
        syncAndWait("log");
        assertEquals(List.of(SyncResult.FAILED), results);
        assertEquals("", text(disk.durableContents("log")));
        assertEquals("entry", text(disk.readAll("log")), "the data is still readable, just not durable");
        syncAndWait("log");
        assertEquals(List.of(SyncResult.FAILED, SyncResult.SYNCED), results);
        assertEquals("entry", text(disk.durableContents("log")));
    }

    @Test
    void deleteAndWipeRemoveFilesDurably() {
        disk.append("a", bytes("1"));
        disk.append("b", bytes("2"));
        syncAndWait("a");
        assertEquals(List.of("a", "b"), disk.files());
        disk.delete("a");
        assertFalse(disk.exists("a"));
        disk.crash(false);
        assertEquals(List.of("b"), disk.files());
        assertEquals(1, disk.wipe());
        assertEquals(List.of(), disk.files());
        assertEquals(0, disk.length("b"));
    }
}
