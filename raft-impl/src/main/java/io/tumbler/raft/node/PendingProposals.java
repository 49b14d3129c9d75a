package io.tumbler.raft.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Client commands this node proposed and has not answered, by log index. A proposal accepted at
 * {@code (index, term)} is answered when that index is applied here: with the result if the applied entry
 * has the same term, as {@link SubmitResult.Dropped} if another entry took the slot (Raft guarantees the
 * proposal can then never commit). Leadership loss or a local truncation decides nothing (Figure 8: an
 * entry missing from the current leader may still commit later), so those proposals stay pending.
 */
final class PendingProposals {
    /** One unanswered proposal. */
    record Pending(long term, long clientId, long sequence, Consumer<SubmitResult> callback) {}

    private final TreeMap<Long, List<Pending>> byIndex = new TreeMap<>();

    void add(long index, Pending pending) {
        byIndex.computeIfAbsent(index, i -> new ArrayList<>(1)).add(pending);
    }

    /** Removes and returns the proposals waiting on {@code index}. */
    List<Pending> takeAt(long index) {
        List<Pending> pending = byIndex.remove(index);
        return pending == null ? List.of() : pending;
    }

    /** Removes and returns the proposals waiting on indexes up to {@code index}, in index order. */
    List<Pending> takeThrough(long index) {
        List<Pending> out = new ArrayList<>();
        while (!byIndex.isEmpty() && byIndex.firstKey() <= index) {
            Map.Entry<Long, List<Pending>> first = byIndex.pollFirstEntry();
            out.addAll(first.getValue());
        }
        return out;
    }

    int size() {
        int count = 0;
        for (List<Pending> list : byIndex.values()) {
            count += list.size();
        }
        return count;
    }
}
