package io.tumbler.raft;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which configuration a log uses at each index (dissertation §4.1): the configurations of the CONFIG entries it
 * holds, on top of the one its snapshot carries (or the bootstrap one). Kept in step with {@link RaftLog}: an
 * appended CONFIG entry takes effect at once, a truncated one is reverted, compaction folds the entries into the
 * base, a received snapshot replaces everything.
 */
final class ConfigurationHistory {
    private final Configuration bootstrap;
    /** The configuration in effect at the snapshot index: where every lookup below the first entry lands. */
    private LogConfiguration base;
    private final TreeMap<Long, Configuration> byIndex = new TreeMap<>();

    ConfigurationHistory(Configuration bootstrap, SnapshotMeta snapshot) {
        this.bootstrap = bootstrap;
        this.base = baseOf(snapshot);
    }

    /** The configuration the log uses now: the latest, committed or not. */
    LogConfiguration latest() {
        Map.Entry<Long, Configuration> last = byIndex.lastEntry();
        return last == null ? base : new LogConfiguration(last.getKey(), last.getValue());
    }

    /** The configuration in effect at {@code index} (at or after the snapshot index). */
    LogConfiguration at(long index) {
        Map.Entry<Long, Configuration> floor = byIndex.floorEntry(index);
        return floor == null ? base : new LogConfiguration(floor.getKey(), floor.getValue());
    }

    /**
     * The configuration a snapshot at {@code index} must carry: null while the bootstrap one is in effect. Below
     * the base (compacted away), the base's.
     */
    Configuration forSnapshotAt(long index) {
        LogConfiguration at = at(index);
        return at.index() == 0 ? null : at.configuration();
    }

    void appended(Entry entry) {
        if (entry.type() == EntryType.CONFIG) {
            byIndex.put(entry.index(), Configuration.decode(entry.data()));
        }
    }

    void truncatedFrom(long index) {
        byIndex.tailMap(index, true).clear();
    }

    /** Entries up to {@code index} are now covered by a snapshot; their configuration becomes the base. */
    void compactedTo(long index) {
        base = at(index);
        byIndex.headMap(index, true).clear();
    }

    /** The log was replaced by {@code snapshot}. */
    void restoredTo(SnapshotMeta snapshot) {
        byIndex.clear();
        base = baseOf(snapshot);
    }

    private LogConfiguration baseOf(SnapshotMeta snapshot) {
        return snapshot.configuration() == null ? new LogConfiguration(0, bootstrap)
                : new LogConfiguration(snapshot.index(), snapshot.configuration());
    }
}
