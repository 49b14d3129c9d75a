package io.tumbler.vm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hierarchical key-value store for cluster configuration and service state.
 *
 * <p>Keys are flat names whose hierarchy lives in the name (as in etcd, unlike ZooKeeper): writing
 * {@code /a/b/c} needs no {@code /a/b}, and listing {@code /a} shows {@code b} as long as any key lies
 * beneath it. Every successful write or delete advances the store {@link #revision()} by one; see
 * {@link PathEntry} for the per-key versions.
 *
 * <p>Reads are public; writes are the path commands, applied only by {@link VmStateMachine}.
 */
public final class PathStore {
    private final TreeMap<String, PathEntry> entries = new TreeMap<>();
    private long revision;
    private long digestSum;

    PathStore() {}

    /** The entry at {@code path}, if any. */
    public Optional<PathEntry> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** The distinct next segments of the keys beneath {@code path} (root allowed), in order. */
    public List<String> children(String path) {
        String prefix = PathSyntax.descendantPrefix(path);
        TreeSet<String> names = new TreeSet<>();
        for (String key : descendants(prefix).keySet()) {
            int end = key.indexOf('/', prefix.length());
            names.add(key.substring(prefix.length(), end < 0 ? key.length() : end));
        }
        return new ArrayList<>(names);
    }

    /** Every entry in path order (unmodifiable live view). */
    public Collection<PathEntry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** The store revision: the number of successful writes and deletes so far. */
    public long revision() {
        return revision;
    }

    VmResult put(VmCommand.PutPath command) {
        return new VmResult.PathValue(write(command.path(), command.value()));
    }

    VmResult putIfAbsent(VmCommand.PutPathIfAbsent command) {
        PathEntry current = entries.get(command.path());
        if (current != null) {
            return new VmResult.CasMismatch(command.path(), current);
        }
        return new VmResult.PathValue(write(command.path(), command.value()));
    }

    VmResult compareAndSwap(VmCommand.CompareAndSwapPath command) {
        PathEntry current = entries.get(command.path());
        if (!command.expected().matches(current)) {
            return new VmResult.CasMismatch(command.path(), current);
        }
        return new VmResult.PathValue(write(command.path(), command.value()));
    }

    VmResult delete(VmCommand.DeletePath command) {
        int removed = remove(command.path()) ? 1 : 0;
        if (command.recursive()) {
            NavigableMap<String, PathEntry> beneath = descendants(PathSyntax.descendantPrefix(command.path()));
            for (PathEntry entry : beneath.values()) {
                digestSum -= entry.digest();
                removed++;
            }
            beneath.clear();
        }
        if (removed == 0) {
            return new VmResult.Rejected(RejectReason.PATH_NOT_FOUND, command.path());
        }
        revision++;
        return new VmResult.PathsDeleted(command.path(), removed, revision);
    }

    /** Restores one entry from a snapshot (the snapshot decoder checks order and revision bounds). */
    void restoreEntry(PathEntry entry) {
        PathEntry previous = entries.put(entry.path(), entry);
        if (previous != null) {
            throw new IllegalStateException("path " + entry.path() + " restored twice");
        }
        digestSum += entry.digest();
    }

    void restoreRevision(long restored) {
        if (restored < 0) {
            throw new IllegalArgumentException("store revision must be >= 0, got " + restored);
        }
        revision = restored;
    }

    long digestSum() {
        return digestSum;
    }

    long recomputeDigestSum() {
        long sum = 0;
        for (PathEntry entry : entries.values()) {
            sum += entry.digest();
        }
        return sum;
    }

    /** The raw map, for the invariant checker (and for tests that build broken states on purpose). */
    NavigableMap<String, PathEntry> entryMap() {
        return entries;
    }

    private PathEntry write(String path, Bytes value) {
        PathEntry current = entries.get(path);
        revision++;
        PathEntry next = new PathEntry(path, value, current == null ? 1 : current.version() + 1, revision);
        entries.put(path, next);
        digestSum += next.digest() - (current == null ? 0 : current.digest());
        return next;
    }

    private boolean remove(String path) {
        PathEntry previous = entries.remove(path);
        if (previous != null) {
            digestSum -= previous.digest();
        }
        return previous != null;
    }

    /** Keys starting with {@code prefix} (which ends in '/'): the range up to the next character, '0'. */
    private NavigableMap<String, PathEntry> descendants(String prefix) {
        String upper = prefix.substring(0, prefix.length() - 1) + '0';
        return entries.subMap(prefix, true, upper, false);
    }
}
