package io.tumbler.realcluster;

import io.tumbler.fault.Effect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** The fault kinds {@code tumbler cluster --nemesis} can switch on. */
public enum NemesisKind {
    KILL,
    PAUSE,
    PARTITION,
    DELAY,
    LOSS,
    ONEWAY,
    /** Remove a voter (the leader half the time) through the admin protocol; the heal adds it back and promotes it. */
    MEMBERSHIP,
    /** Fill one node's data file system (a ballast file takes every free block); the heal deletes the ballast. */
    DISK_FULL,
    /** ext4 remounts one node's data file system read-only on an error; the heal is unmount, fsck, mount. */
    DISK_READONLY;

    /** The kinds that need a file system per node ({@link DiskVolume}). */
    boolean needsVolumes() {
        return this == DISK_FULL || this == DISK_READONLY;
    }

    /** What a fault of this kind does, in the vocabulary simulated faults share ({@link Effect}). */
    Effect effect() {
        return switch (this) {
            case KILL -> Effect.PROCESS;
            case PAUSE -> Effect.PAUSE;
            case PARTITION, DELAY, LOSS, ONEWAY -> Effect.NETWORK;
            case MEMBERSHIP -> Effect.OPERATOR;
            case DISK_FULL, DISK_READONLY -> Effect.DISK_HELD;
        };
    }

    /**
     * What its heal does: a restart, a SIGCONT, the network healed, the removed node added back, or the disk given
     * back (ballast deleted; or unmounted, checked and mounted again).
     */
    Effect healEffect() {
        return switch (this) {
            case KILL -> Effect.RESTART;
            case PAUSE -> Effect.RESUME;
            case PARTITION, DELAY, LOSS, ONEWAY -> Effect.HEAL_NETWORK;
            case MEMBERSHIP -> Effect.OPERATOR;
            case DISK_FULL, DISK_READONLY -> Effect.HEAL_DISK;
        };
    }

    /** The name as {@code --nemesis} spells it. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code kill,pause,...}; "none" or blank is the empty set; an unknown name lists the known ones. */
    static EnumSet<NemesisKind> parseAll(List<String> names) {
        EnumSet<NemesisKind> kinds = EnumSet.noneOf(NemesisKind.class);
        for (String name : names) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty() || n.equals("none")) {
                continue;
            }
            kinds.add(named(n));
        }
        return kinds;
    }

    private static NemesisKind named(String name) {
        List<String> known = new ArrayList<>();
        for (NemesisKind k : values()) {
            if (k.flag().equals(name)) {
                return k;
            }
            known.add(k.flag());
        }
        throw new IllegalArgumentException("unknown nemesis '" + name + "' (known: " + String.join(", ", known)
                + ", or none)");
    }
}
