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
    MEMBERSHIP;

    /** What a fault of this kind does, in the vocabulary simulated faults share ({@link Effect}). */
    Effect effect() {
        return switch (this) {
            case KILL -> Effect.PROCESS;
            case PAUSE -> Effect.PAUSE;
            case PARTITION, DELAY, LOSS, ONEWAY -> Effect.NETWORK;
            case MEMBERSHIP -> Effect.OPERATOR;
        };
    }

    /** What its heal does: a restart, a SIGCONT, the network healed, or the removed node added back. */
    Effect healEffect() {
        return switch (this) {
            case KILL -> Effect.RESTART;
            case PAUSE -> Effect.RESUME;
            case PARTITION, DELAY, LOSS, ONEWAY -> Effect.HEAL_NETWORK;
            case MEMBERSHIP -> Effect.OPERATOR;
        };
    }

    /** The name as {@code --nemesis} spells it. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
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
