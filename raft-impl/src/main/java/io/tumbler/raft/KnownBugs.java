package io.tumbler.raft;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * An immutable set of {@link KnownBug}s switched on for one node, given to the core through
 * {@link RaftConfig#withKnownBugs}. {@link #NONE} (the default) is the correct implementation; a bug
 * branch costs one {@link #on} test. Only simulations may use a non-empty set: production runtimes refuse it.
 */
public final class KnownBugs {
    /** No bug on: the correct implementation. */
    public static final KnownBugs NONE = new KnownBugs(EnumSet.noneOf(KnownBug.class));

    private final EnumSet<KnownBug> bugs;

    private KnownBugs(EnumSet<KnownBug> bugs) {
        this.bugs = bugs;
    }

    /** The set of the given bugs. */
    public static KnownBugs of(KnownBug... bugs) {
        EnumSet<KnownBug> set = EnumSet.noneOf(KnownBug.class);
        for (KnownBug bug : bugs) {
            set.add(bug);
        }
        return set.isEmpty() ? NONE : new KnownBugs(set);
    }

    /**
     * Parses names separated by commas ({@code "figure-8-commit,no-session-dedup"}); null or blank is
     * {@link #NONE}; an unknown name raises {@link IllegalArgumentException} listing the known ones.
     */
    public static KnownBugs parse(String names) {
        if (names == null || names.isBlank()) {
            return NONE;
        }
        List<KnownBug> out = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                out.add(KnownBug.named(name));
            }
        }
        return of(out.toArray(new KnownBug[0]));
    }

    /** Parses each element as by {@link #parse} and unites them (for repeated {@code --bug} options). */
    public static KnownBugs parseAll(List<String> names) {
        return parse(names == null ? null : String.join(",", names));
    }

    /** True if {@code bug} is switched on. */
    public boolean on(KnownBug bug) {
        return !bugs.isEmpty() && bugs.contains(bug);
    }

    public boolean isEmpty() {
        return bugs.isEmpty();
    }

    /** The kebab-case names, in catalog order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (KnownBug bug : bugs) {
            out.add(bug.bugName());
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnownBugs k && k.bugs.equals(bugs);
    }

    @Override
    public int hashCode() {
        return bugs.hashCode();
    }

    @Override
    public String toString() {
        return names().isEmpty() ? "none" : String.join(",", names());
    }
}
