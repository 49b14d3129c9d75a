package io.tumbler.vm;

import java.util.Objects;

/**
 * What a compare-and-swap on the path store expects to find. The swap happens only if the expectation
 * holds for the key's current entry (absent counts as version 0 and modRevision 0, and matches no value).
 */
public sealed interface CasExpectation {
    /** Whether the expectation holds for {@code current}, which is null when the key is absent. */
    boolean matches(PathEntry current);

    /** The key holds exactly {@code value}. */
    record Value(Bytes value) implements CasExpectation {
        public Value {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean matches(PathEntry current) {
            return current != null && current.value().equals(value);
        }
    }

    /** The key's per-key version is {@code version}; 0 means "absent" (a put-if-absent). */
    record Version(long version) implements CasExpectation {
        public Version {
            if (version < 0) {
                throw new IllegalArgumentException("expected version must be >= 0, got " + version);
            }
        }

        @Override
        public boolean matches(PathEntry current) {
            return current == null ? version == 0 : current.version() == version;
        }
    }

    /** The key was last written at store revision {@code modRevision}; 0 means "absent". */
    record ModRevision(long modRevision) implements CasExpectation {
        public ModRevision {
            if (modRevision < 0) {
                throw new IllegalArgumentException("expected modRevision must be >= 0, got " + modRevision);
            }
        }

        @Override
        public boolean matches(PathEntry current) {
            return current == null ? modRevision == 0 : current.modRevision() == modRevision;
        }
    }
}
