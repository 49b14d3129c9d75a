package io.tumbler.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of an interaction test: a real {@link RaftCore}, a durable log that holds exactly what
 * Readies asked to persist (lost volatile state on {@code restart}), and a tiny state machine that
 * records applied commands by index (its snapshot is that map).
 */
final class TestNode {
    final int id;
    final RaftConfig config;
    private final long seed;
    RaftCore core;
    boolean crashed;
    int restarts;

    // Durable state, written only from Readies.
    HardState hardState = HardState.EMPTY;
    Snapshot snapshot;
    final List<Entry> stored = new ArrayList<>();

    // Volatile state machine.
    final TreeMap<Long, String> applied = new TreeMap<>();
    long appliedIndex;
    private final TreeMap<Long, Long> readsWaiting = new TreeMap<>(); // requestId -> readIndex
    /** Reads served so far, for checks that need more than the printed output. */
    final List<ReadState> servedReads = new ArrayList<>();

    TestNode(RaftConfig config, long seed) {
        this.id = config.id();
        this.config = config;
        this.seed = seed;
        this.core = new RaftCore(config, JitterSource.seeded(seed), RecoveredState.empty());
    }

    /** True if the durable log holds the entry at {@code index} with {@code term}, or a snapshot covers it. */
    boolean holds(long index, long term) {
        if (snapshot != null && snapshot.meta().index() >= index) {
            return true;
        }
        return stored.stream().anyMatch(e -> e.index() == index && e.term() == term);
    }

    /** The configuration the durable log implies: its last CONFIG entry, else its snapshot's, else the bootstrap. */
    Configuration durableConfiguration() {
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (stored.get(i).type() == EntryType.CONFIG) {
                return Configuration.decode(stored.get(i).data());
            }
        }
        if (snapshot != null && snapshot.meta().configuration() != null) {
            return snapshot.meta().configuration();
        }
        return Configuration.ofVoters(config.peers());
    }

    void crash() {
        crashed = true;
    }

    /** Restarts from durable state only, as after a crash. */
    void restart() {
        restarts++;
        core = new RaftCore(config, JitterSource.seeded(seed * 1_000 + restarts),
                new RecoveredState(hardState, snapshot, List.copyOf(stored)));
        applied.clear();
        appliedIndex = 0;
        readsWaiting.clear();
        if (snapshot != null) {
            restoreStateMachine(snapshot);
        }
        crashed = false;
    }

    /** Executes one Ready in the contract's order: persist, send, apply, serve reads. */
    void execute(Ready ready, List<Message> network, SafetyChecker checker, List<String> out, boolean quiet) {
        if (ready.softState() != null) {
            SoftState soft = ready.softState();
            out.add(id + ": " + soft.role() + " term=" + core.status().term() + " leader=" + soft.leaderId());
        }
        persist(ready, out, quiet);
        for (Message m : ready.messages()) {
            network.add(MessageCodec.decode(MessageCodec.encode(m))); // every message crosses the real codec
            if (!quiet) {
                out.add(MessageText.describe(m));
            }
        }
        apply(ready, checker, out, quiet);
        for (ReadState read : ready.readStates()) {
            readsWaiting.put(read.requestId(), read.readIndex());
        }
        serveReads(out);
        core.advance(ready);
    }

    private void persist(Ready ready, List<String> out, boolean quiet) {
        if (ready.snapshotToInstall() != null) {
            snapshot = ready.snapshotToInstall();
            stored.clear();
            if (!quiet) {
                out.add(id + ": persist snapshot " + snapshot.meta().index() + "@" + snapshot.meta().term());
            }
        }
        if (!ready.entriesToPersist().isEmpty()) {
            long first = ready.entriesToPersist().get(0).index();
            stored.removeIf(e -> e.index() >= first);
            stored.addAll(ready.entriesToPersist());
            if (!quiet) {
                out.add(id + ": persist " + MessageText.entries(ready.entriesToPersist()));
            }
        }
        if (ready.hardState() != null) {
            hardState = ready.hardState();
            if (!quiet) {
                out.add(id + ": hard term=" + hardState.term() + " vote=" + hardState.votedFor()
                        + " commit=" + hardState.commitIndex());
            }
        }
    }

    private void apply(Ready ready, SafetyChecker checker, List<String> out, boolean quiet) {
        if (ready.snapshotToInstall() != null) {
            restoreStateMachine(ready.snapshotToInstall());
            checker.snapshotInstalled(id, applied);
        }
        for (Entry entry : ready.committedEntries()) {
            if (entry.index() != appliedIndex + 1) {
                throw new AssertionError("node " + id + " applies " + entry.index() + " after " + appliedIndex);
            }
            checker.applied(id, entry);
            if (entry.type() == EntryType.NORMAL) {
                applied.put(entry.index(), new String(entry.data(), StandardCharsets.UTF_8));
            }
            appliedIndex = entry.index();
        }
        if (!quiet && !ready.committedEntries().isEmpty()) {
            out.add(id + ": apply " + MessageText.entries(ready.committedEntries()));
        }
    }

    private void serveReads(List<String> out) {
        for (Map.Entry<Long, Long> read : List.copyOf(readsWaiting.entrySet())) {
            if (read.getValue() <= appliedIndex) {
                out.add(id + ": read " + read.getKey() + " served at index=" + read.getValue() + " applied="
                        + appliedIndex + " state=" + applied.values());
                readsWaiting.remove(read.getKey());
                servedReads.add(new ReadState(read.getKey(), read.getValue()));
            }
        }
    }

    /** The driver's snapshot: the state machine up to {@code index} (which it has applied). */
    void compact(long index) {
        if (index > appliedIndex) {
            throw new IllegalArgumentException("node " + id + " has applied only " + appliedIndex);
        }
        long term = stored.stream().filter(e -> e.index() == index).findFirst().orElseThrow().term();
        byte[] data = encodeState(applied.headMap(index, true));
        Configuration configuration = core.snapshotConfigurationAt(index);
        core.compact(index, data);
        snapshot = new Snapshot(new SnapshotMeta(index, term, configuration), data);
        stored.removeIf(e -> e.index() <= index);
    }

    private void restoreStateMachine(Snapshot s) {
        applied.clear();
        String text = new String(s.data(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.indexOf('=');
                applied.put(Long.parseLong(line.substring(0, eq)), line.substring(eq + 1));
            }
        }
        appliedIndex = s.meta().index();
    }

    private static byte[] encodeState(Map<Long, String> state) {
        StringBuilder text = new StringBuilder();
        state.forEach((index, value) -> text.append(index).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
