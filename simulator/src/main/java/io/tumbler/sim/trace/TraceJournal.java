package io.tumbler.sim.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The journal of a run: counts every record and folds it into the {@link Fingerprint}; keeps
 * {@link TraceRecord}s only when text mode is on, so the fast path costs five mixes and no allocation.
 *
 * <p>Text mode does not change the fingerprint. Single-threaded, like the rest of the simulator.
 */
public final class TraceJournal {
    private long fingerprint = Fingerprint.INITIAL;
    private long recordCount;
    private final List<TraceRecord> kept;
    private final long maxKept;
    private final Function<Object, Object> describe;

    private TraceJournal(boolean keepText, long maxKept, Function<Object, Object> describe) {
        this.kept = keepText ? new ArrayList<>() : null;
        this.maxKept = maxKept;
        this.describe = describe;
    }

    /** A journal that keeps only the fingerprint and the count (the default for fuzzing). */
    public static TraceJournal fingerprintOnly() {
        return new TraceJournal(false, 0, String::valueOf);
    }

    /** A journal that also keeps every record with its detail text (for {@code trace.jsonl} and debugging). */
    public static TraceJournal withText() {
        return new TraceJournal(true, Long.MAX_VALUE, String::valueOf);
    }

    /**
     * Text mode that keeps only the first {@code maxKept} records (a runaway run can execute millions of
     * events); the fingerprint and the count still cover every record.
     */
    public static TraceJournal withText(long maxKept) {
        return withText(maxKept, String::valueOf);
    }

    /**
     * Text mode that keeps the first {@code maxKept} records with each detail as {@code describe} makes it, at the
     * moment it is recorded: the caller turns a message into data its trace file writes (a detail object may be
     * mutable or large; its description is small and fixed). {@code describe} must be a pure function of the
     * detail; it is never called outside text mode and does not touch the fingerprint.
     */
    public static TraceJournal withText(long maxKept, Function<Object, Object> describe) {
        if (maxKept < 0) {
            throw new IllegalArgumentException("maxKept must be >= 0, got " + maxKept);
        }
        return new TraceJournal(true, maxKept, describe);
    }

    /** True if text mode dropped records past its cap. */
    public boolean truncated() {
        return kept != null && kept.size() < recordCount;
    }

    /** Whether records and details are kept; callers may skip building details when false. */
    public boolean keepsText() {
        return kept != null;
    }

    /** Records one event. */
    public void record(TraceType type, long timeNanos, int process, long a, long b) {
        fingerprint = Fingerprint.fold(fingerprint, type, timeNanos, process, a, b);
        if (kept != null && kept.size() < maxKept) {
            kept.add(new TraceRecord(recordCount, type, timeNanos, process, a, b, null));
        }
        recordCount++;
    }

    /** Records one event with a detail whose description (by default its toString) is kept only in text mode. */
    public void record(TraceType type, long timeNanos, int process, long a, long b, Object detail) {
        fingerprint = Fingerprint.fold(fingerprint, type, timeNanos, process, a, b);
        if (kept != null && kept.size() < maxKept) {
            kept.add(new TraceRecord(recordCount, type, timeNanos, process, a, b, describe.apply(detail)));
        }
        recordCount++;
    }

    /** The rolling fingerprint of everything recorded so far. */
    public long fingerprint() {
        return fingerprint;
    }

    /** How many records were folded in (kept or not). */
    public long recordCount() {
        return recordCount;
    }

    /** The kept records, oldest first; empty when text mode is off. */
    public List<TraceRecord> records() {
        return kept == null ? List.of() : Collections.unmodifiableList(kept);
    }
}
