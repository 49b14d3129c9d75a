package io.tumbler.sim.disk;

/**
 * What a crash did to a disk.
 *
 * @param unsyncedChangesLost writes and truncations that had not been synced and are gone
 * @param tornFile            the file whose last unsynced write was torn, or null when nothing was torn
 * @param tornBytesKept       how many leading bytes of that write survived (less than its length), or -1
 */
public record CrashDamage(int unsyncedChangesLost, String tornFile, int tornBytesKept) {
    /** Whether a write was torn. */
    public boolean torn() {
        return tornFile != null;
    }
}
