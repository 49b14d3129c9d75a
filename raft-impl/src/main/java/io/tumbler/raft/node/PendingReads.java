package io.tumbler.raft.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Linearizable and lease reads in flight: first waiting for the core to confirm them (a {@code ReadState}
 * with their read index), then waiting for the state machine to apply that index.
 */
final class PendingReads {
    /** One read. */
    record Read(ReadMode mode, byte[] query, Consumer<ReadOutcome> callback) {}

    /** A confirmed read and the index it must wait for. */
    record Confirmed(long readIndex, Read read) {}

    private final TreeMap<Long, Read> unconfirmed = new TreeMap<>();
    /** Confirmed reads by read index, each list in confirmation order. */
    private final TreeMap<Long, List<Read>> confirmed = new TreeMap<>();

    void await(long requestId, Read read) {
        unconfirmed.put(requestId, read);
    }

    /** The core confirmed {@code requestId} at {@code readIndex}; unknown ids (abandoned) are ignored. */
    void confirm(long requestId, long readIndex) {
        Read read = unconfirmed.remove(requestId);
        if (read != null) {
            confirmed.computeIfAbsent(readIndex, i -> new ArrayList<>(1)).add(read);
        }
    }

    /** Removes and returns confirmed reads whose index is at most {@code appliedIndex}. */
    List<Confirmed> takeServable(long appliedIndex) {
        List<Confirmed> out = new ArrayList<>();
        while (!confirmed.isEmpty() && confirmed.firstKey() <= appliedIndex) {
            Map.Entry<Long, List<Read>> first = confirmed.pollFirstEntry();
            for (Read read : first.getValue()) {
                out.add(new Confirmed(first.getKey(), read));
            }
        }
        return out;
    }

    /**
     * Removes and returns the unconfirmed reads: the node stopped being leader, so the core abandoned them.
     * Confirmed reads stay: leadership was established for them when they were confirmed.
     */
    List<Read> abandonUnconfirmed() {
        List<Read> out = new ArrayList<>(unconfirmed.values());
        unconfirmed.clear();
        return out;
    }
}
