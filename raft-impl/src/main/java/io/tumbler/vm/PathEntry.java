package io.tumbler.vm;

import java.util.Objects;

/**
 * One key of the path store with its value and versions.
 *
 * <p>Versions follow etcd: {@code version} counts the writes since the key was (re)created, starting at
 * 1, and restarts after a delete; {@code modRevision} is the store revision of the last write, unique
 * across the store and never reused, so a compare-and-swap on it cannot be fooled by a delete and
 * re-create (the ABA problem a per-key version has).
 *
 * @param path        the key ({@link PathSyntax#isValidKey})
 * @param value       the stored bytes
 * @param version     writes since creation, from 1
 * @param modRevision store revision of the last write, from 1
 */
public record PathEntry(String path, Bytes value, long version, long modRevision) {
    public PathEntry {
        PathSyntax.requireKey(path);
        Objects.requireNonNull(value, "value");
        if (version < 1 || modRevision < 1) {
            throw new IllegalArgumentException("path " + path + " version and modRevision start at 1, got "
                    + version + "/" + modRevision);
        }
    }

    /** Mixes every field into a 64-bit value for the state digest. */
    long digest() {
        return StateDigest.start(StateDigest.PATH).add(path).add(value).add(version).add(modRevision).value();
    }
}
