package io.tumbler.realcluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.StringJoiner;

/**
 * What one {@code tumbler cluster} run does.
 *
 * @param nodes how many server processes (3 or 5)
 * @param durationMillis how long clients run, faults included; the last quarter (3 to 10 s) is the quiet period
 * @param maxRequests the most operations clients start before the final heal (the quiet period adds its own few)
 * @param workload {@code kv} or {@code paths}
 * @param seed draws the fault schedule and the operations
 * @param nemesis the fault kinds switched on (empty: none)
 * @param clients concurrent client threads
 * @param bugs known-bug names handed to the servers, which refuse them (exists to prove that they do)
 * @param out the run directory
 * @param checkTimeLimit how long the linearizability check may take before its verdict is unknown
 */
public record ClusterOptions(int nodes, long durationMillis, long maxRequests, String workload, long seed,
        EnumSet<NemesisKind> nemesis, int clients, List<String> bugs, Path out, Duration checkTimeLimit) {
    /** The workloads a real cluster runs (the VM workload needs simulation-only helpers for now). */
    public static final List<String> WORKLOADS = List.of("kv", "paths");

    public ClusterOptions {
        nemesis = nemesis.isEmpty() ? EnumSet.noneOf(NemesisKind.class) : EnumSet.copyOf(nemesis);
        bugs = List.copyOf(bugs);
        if (nodes != 3 && nodes != 5) {
            throw new IllegalArgumentException("--nodes must be 3 or 5, got " + nodes);
        }
        if (durationMillis < 5_000 || durationMillis > 3_600_000) {
            throw new IllegalArgumentException("--duration must be between 5s and 1h, got " + durationMillis + " ms");
        }
        if (maxRequests < 1 || clients < 1 || clients > 64) {
            throw new IllegalArgumentException("--max-requests must be positive and --clients in 1..64");
        }
        if (!WORKLOADS.contains(workload)) {
            throw new IllegalArgumentException("--workload must be one of " + WORKLOADS + ", got '" + workload + "'");
        }
    }

    /** Parses {@code --nemesis kill,pause,...}; an unknown kind raises {@link IllegalArgumentException}. */
    public static EnumSet<NemesisKind> nemesisKinds(List<String> names) {
        return NemesisKind.parseAll(names);
    }

    /** The quiet period: no faults, everything healed, liveness judged. */
    public long quietMillis() {
        return Math.max(3_000, Math.min(10_000, durationMillis / 4));
    }

    /** Faults happen in {@code [0, faultWindowMillis)} of the workload. */
    public long faultWindowMillis() {
        return durationMillis - quietMillis();
    }

    /** The duration as {@code --duration} spells it: whole seconds when it is some, else milliseconds. */
    public String durationText() {
        return durationMillis % 1000 == 0 ? durationMillis / 1000 + "s" : durationMillis + "ms";
    }

    /**
     * Parses a duration: {@code 60s}, {@code 1500ms}, {@code 2m}, or a bare number of seconds.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static long parseDurationMillis(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Long.parseLong(t.substring(0, t.length() - 2).trim());
            }
            if (t.endsWith("s")) {
                return Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000);
            }
            if (t.endsWith("m")) {
                return Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000);
            }
            return Math.round(Double.parseDouble(t) * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected e.g. 60s, 1500ms or 2m)");
        }
    }

    /** The command that runs this again (the same schedule and operations; not the same interleaving). */
    public String rerunCommand() {
        StringJoiner kinds = new StringJoiner(",");
        nemesis.forEach(k -> kinds.add(k.flag()));
        return "./tumbler cluster --nodes " + nodes + " --duration " + durationText() + " --max-requests "
                + maxRequests + " --workload " + workload + " --clients " + clients + " --seed " + seed
                + " --nemesis " + (nemesis.isEmpty() ? "none" : kinds.toString());
    }
}
