package io.tumbler.raft;

import java.util.List;

/**
 * Replicates a batch of entries after position ({@code prevIndex}, {@code prevTerm}) (Raft §5.3).
 * An empty batch is a probe: it checks log matching without carrying data.
 *
 * @param commitIndex the leader's commit index; the follower commits up to
 *                    {@code min(commitIndex, index of the last new entry)}
 */
public record AppendEntries(int from, int to, long term, long prevIndex, long prevTerm, List<Entry> entries,
                            long commitIndex) implements Message {
    public AppendEntries {
        entries = List.copyOf(entries);
    }
}
