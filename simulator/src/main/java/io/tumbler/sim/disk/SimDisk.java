package io.tumbler.sim.disk;

import io.tumbler.sim.kernel.Admission;
import io.tumbler.sim.kernel.ProcessGate;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.random.NameHash;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.trace.TraceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One process's disk: named files of at most 2 GiB, with the durability semantics a storage engine must
 * survive.
 *
 * <ul>
 *   <li>{@link #write}, {@link #append} and {@link #truncate} take effect at once for reads but are not durable.
 *   <li>{@link #sync} takes simulated time (drawn from {@link DiskProfile#syncLatency()}); when it completes,
 *       every change to that file issued before the sync call is durable, and the callback reports
 *       {@link SyncResult#SYNCED}. After {@link #failNextSync()} the next sync reports {@link SyncResult#FAILED}
 *       and makes nothing durable; its changes stay pending.
 *   <li>{@link #crash} keeps only durable bytes; optionally the last unsynced write on the disk is torn: a random
 *       strict prefix of it survives (on top of the durable image; bytes in between that were never durable read
 *       as zeros).
 *   <li>File creation and {@link #delete} are durable at once (directory fsync is not modelled).
 *   <li>Bit flips corrupt data at rest: readable, durable and pending copies of that byte alike.
 * </ul>
 * Reads of missing files return empty arrays (an expected outcome, not an error). All draws come from the
 * stream passed in (conventionally {@code disk/<process name>}).
 */
public final class SimDisk {
    private final Simulation simulation;
    private final int process;
    private final ProcessGate gate;
    private final RandomStream random;
    private final DiskProfile profile;
    private final TreeMap<String, SimFile> files = new TreeMap<>();
    private long nextSequence;
    private boolean failNextSync;

    /** A disk for {@code process}; sync callbacks are gated through {@code gate}. */
    public SimDisk(Simulation simulation, int process, ProcessGate gate, RandomStream random, DiskProfile profile) {
        this.simulation = simulation;
        this.process = process;
        this.gate = gate;
        this.random = random;
        this.profile = profile;
    }

    /** The owning process id. */
    public int process() {
        return process;
    }

    // ---- data -------------------------------------------------------------------------------------------------

    /** Writes {@code bytes} at {@code position} (creating the file; a gap reads as zeros). Not durable. */
    public void write(String file, int position, byte[] bytes) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0: " + position);
        }
        SimFile target = open(file);
        target.change(new PendingChange.Write(nextSequence++, position, bytes.clone()));
        simulation.journal().record(TraceType.DISK_WRITE, simulation.nowNanos(), process, NameHash.of(file),
                bytes.length);
    }

    /** Appends {@code bytes} at the current end of the file (creating it). Not durable. */
    public void append(String file, byte[] bytes) {
        write(file, length(file), bytes);
    }

    /** Cuts the file to {@code length} bytes (or zero-extends it). Not durable. */
    public void truncate(String file, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        open(file).change(new PendingChange.Truncate(nextSequence++, length));
        simulation.journal().record(TraceType.DISK_TRUNCATE, simulation.nowNanos(), process, NameHash.of(file),
                length);
    }

    /** Up to {@code count} bytes from {@code position}, as the process sees them (unsynced included). */
    public byte[] read(String file, int position, int count) {
        SimFile target = files.get(file);
        return target == null ? new byte[0] : target.current.read(position, count);
    }

    /** The whole file as the process sees it; empty if missing. */
    public byte[] readAll(String file) {
        return read(file, 0, length(file));
    }

    /** Length as the process sees it; 0 if missing. */
    public int length(String file) {
        SimFile target = files.get(file);
        return target == null ? 0 : target.current.length();
    }

    /** Whether the file exists. */
    public boolean exists(String file) {
        return files.containsKey(file);
    }

    /** File names in sorted order. */
    public List<String> files() {
        return new ArrayList<>(files.keySet());
    }

    /** Deletes the file and its pending changes, durably. */
    public void delete(String file) {
        if (files.remove(file) != null) {
            simulation.journal().record(TraceType.DISK_DELETE, simulation.nowNanos(), process, NameHash.of(file), 0);
        }
    }

    /** The bytes that would survive a crash now (for tests and reports). */
    public byte[] durableContents(String file) {
        SimFile target = files.get(file);
        return target == null ? new byte[0] : target.durable.read(0, target.durable.length());
    }

    /** Changes to {@code file} not yet durable. */
    public int unsyncedChanges(String file) {
        SimFile target = files.get(file);
        return target == null ? 0 : target.pending.size();
    }

    private SimFile open(String file) {
        return files.computeIfAbsent(file, SimFile::new);
    }

    // ---- sync -------------------------------------------------------------------------------------------------

    /**
     * Starts an fsync of {@code file}; {@code callback} runs when it completes, in the issuing incarnation
     * (never, if that incarnation crashes first). Returns the completion time in true nanoseconds.
     */
    public long sync(String file, SyncCallback callback) {
        long upTo = files.containsKey(file) ? files.get(file).lastPendingSequence() : -1;
        boolean failing = failNextSync;
        failNextSync = false;
        long doneNanos = Math.addExact(simulation.nowNanos(), profile.syncLatency().sampleNanos(random));
        simulation.journal().record(TraceType.DISK_SYNC_START, simulation.nowNanos(), process, NameHash.of(file),
                doneNanos);
        simulation.schedule(doneNanos,
                new SyncCompletion(this, file, upTo, failing, gate.incarnation(process), callback));
        return doneNanos;
    }

    void complete(SyncCompletion sync) {
        if (!sync.completed) {
            sync.completed = true;
            sync.result = finishIo(sync);
        }
        if (gate.admit(process, sync.incarnation, sync) == Admission.RUN) {
            sync.callback.onSyncComplete(sync.result);
        }
    }

    private SyncResult finishIo(SyncCompletion sync) {
        long fileHash = NameHash.of(sync.file);
        if (sync.failing) {
            simulation.journal().record(TraceType.DISK_SYNC_FAIL, simulation.nowNanos(), process, fileHash, 0);
            return SyncResult.FAILED;
        }
        SimFile target = files.get(sync.file);
        if (target != null) {
            // Changes lost by a crash or a delete since the call are simply no longer pending.
            target.makeDurable(sync.upToSequence);
        }
        long durableLength = target == null ? 0 : target.durable.length();
        simulation.journal().record(TraceType.DISK_SYNC_OK, simulation.nowNanos(), process, fileHash, durableLength);
        return SyncResult.SYNCED;
    }

    // ---- faults -----------------------------------------------------------------------------------------------

    /** Makes the next {@link #sync} call fail. */
    public void failNextSync() {
        failNextSync = true;
    }

    /** Disarms a pending {@link #failNextSync()} that no sync has consumed yet (the fault's heal). */
    public void cancelSyncFailure() {
        failNextSync = false;
    }

    /** Flips bit {@code bitPosition} of {@code file}; false (no change) if the file is shorter or missing. */
    public boolean flipBit(String file, long bitPosition) {
        SimFile target = files.get(file);
        if (target == null || !target.flipBit(bitPosition)) {
            return false;
        }
        simulation.journal().record(TraceType.DISK_BIT_FLIP, simulation.nowNanos(), process, NameHash.of(file),
                bitPosition);
        return true;
    }

    /** Flips a random bit of {@code file}; empty if the file is empty or missing. */
    public Optional<BitFlip> flipRandomBit(String file) {
        int length = length(file);
        if (length == 0) {
            return Optional.empty();
        }
        long bit = random.nextLong(8L * length);
        flipBit(file, bit);
        return Optional.of(new BitFlip(file, bit));
    }

    /** Flips a random bit of a random non-empty file; empty if every file is empty. */
    public Optional<BitFlip> flipRandomBit() {
        List<String> candidates = new ArrayList<>();
        for (SimFile file : files.values()) {
            if (file.current.length() > 0) {
                candidates.add(file.name);
            }
        }
        return candidates.isEmpty() ? Optional.empty() : flipRandomBit(random.pick(candidates));
    }

    /**
     * Applies a crash: every file reverts to its durable image; with {@code tearLastWrite}, a random strict
     * prefix of the most recent unsynced write survives too. Called by the process layer.
     */
    public CrashDamage crash(boolean tearLastWrite) {
        PendingChange.Write last = null;
        SimFile lastFile = null;
        for (SimFile file : files.values()) {
            for (PendingChange change : file.pending) {
                if (change instanceof PendingChange.Write && (last == null || change.sequence() > last.sequence())) {
                    last = (PendingChange.Write) change;
                    lastFile = file;
                }
            }
        }
        int lost = 0;
        for (SimFile file : files.values()) {
            lost += file.loseUnsynced();
        }
        if (!tearLastWrite || last == null || last.bytes().length == 0) {
            return new CrashDamage(lost, null, -1);
        }
        int kept = random.nextInt(last.bytes().length);
        if (kept > 0) {
            lastFile.durable.write(last.position(), last.bytes(), kept);
            lastFile.current = lastFile.durable.copy();
        }
        return new CrashDamage(lost, lastFile.name, kept);
    }

    /** Removes every file, durable data included; returns how many there were. */
    public int wipe() {
        int count = files.size();
        files.clear();
        failNextSync = false;
        return count;
    }
}
