package io.tumbler.sim.disk;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One file: what the process reads ({@code current} = durable + pending changes in order), what survives a
 * crash ({@code durable}), and the pending changes between them.
 */
final class SimFile {
    final String name;
    FileImage current = new FileImage();
    FileImage durable = new FileImage();
    final List<PendingChange> pending = new ArrayList<>();

    SimFile(String name) {
        this.name = name;
    }

    void change(PendingChange change) {
        change.applyTo(current);
        pending.add(change);
    }

    /** Makes every pending change with sequence {@code <= upToSequence} durable, in order. */
    void makeDurable(long upToSequence) {
        Iterator<PendingChange> it = pending.iterator();
        while (it.hasNext()) {
            PendingChange change = it.next();
            if (change.sequence() > upToSequence) {
                break;
            }
            change.applyTo(durable);
            it.remove();
        }
    }

    long lastPendingSequence() {
        return pending.isEmpty() ? -1 : pending.get(pending.size() - 1).sequence();
    }

    /** Forgets unsynced changes; returns how many were lost. */
    int loseUnsynced() {
        int lost = pending.size();
        pending.clear();
        current = durable.copy();
        return lost;
    }

    /** Flips a bit wherever that byte lives: the readable image, the durable image, pending writes covering it. */
    boolean flipBit(long bitPosition) {
        boolean flipped = current.flipBit(bitPosition);
        if (flipped) {
            durable.flipBit(bitPosition);
            for (PendingChange change : pending) {
                if (change instanceof PendingChange.Write) {
                    flipInWrite((PendingChange.Write) change, bitPosition);
                }
            }
        }
        return flipped;
    }

    private static void flipInWrite(PendingChange.Write write, long bitPosition) {
        long offset = bitPosition - 8L * write.position();
        if (offset >= 0 && offset < 8L * write.bytes().length) {
            write.bytes()[(int) (offset >>> 3)] ^= (byte) (1 << (offset & 7));
        }
    }
}
