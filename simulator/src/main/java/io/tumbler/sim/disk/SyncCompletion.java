package io.tumbler.sim.disk;

import io.tumbler.sim.kernel.Event;

/**
 * The end of one sync. Durability is decided when the I/O completes, even if the process is paused then; only
 * the callback waits for the resume (and is dropped if the issuing incarnation has crashed).
 */
final class SyncCompletion implements Event {
    final SimDisk disk;
    final String file;
    final long upToSequence;
    final boolean failing;
    final int incarnation;
    final SyncCallback callback;
    boolean completed;
    SyncResult result;

    SyncCompletion(SimDisk disk, String file, long upToSequence, boolean failing, int incarnation,
                   SyncCallback callback) {
        this.disk = disk;
        this.file = file;
        this.upToSequence = upToSequence;
        this.failing = failing;
        this.incarnation = incarnation;
        this.callback = callback;
    }

    @Override
    public boolean fire() {
        disk.complete(this);
        return true;
    }

    @Override
    public String toString() {
        return "sync of '" + file + "' on process " + disk.process() + (failing ? " (failing)" : "");
    }
}
