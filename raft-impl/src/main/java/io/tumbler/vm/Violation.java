package io.tumbler.vm;

import java.util.Objects;

/**
 * One breach of a {@link VmInvariant}, found by {@link VmInvariants#check}.
 *
 * @param invariant the rule broken
 * @param subject   the host id, VM id or path concerned ("state" for whole-state rules)
 * @param detail    what was found, with the numbers a person needs to see why it is wrong
 */
public record Violation(VmInvariant invariant, String subject, String detail) {
    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return invariant + " " + subject + ": " + detail;
    }
}
