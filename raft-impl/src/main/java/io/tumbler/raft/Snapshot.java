package io.tumbler.raft;

import java.util.Arrays;

/**
 * A state-machine snapshot and the log position it covers. {@code data} is opaque to the core
 * (the driver's state machine, session table included, produced it) and is never mutated.
 *
 * @param meta the covered log position
 * @param data the serialized state
 */
public record Snapshot(SnapshotMeta meta, byte[] data) {
    private static final long DOMAIN = 0x534E4150L; // "SNAP"

    public Snapshot {
        if (meta == null || data == null) {
            throw new IllegalArgumentException("snapshot meta and data are required");
        }
    }

    /**
     * A 64-bit checksum over position, data and (when there are) configuration and recorded state digest, verified
     * when a snapshot is decoded. A snapshot under the bootstrap configuration without a recorded state digest has
     * the digest it had before either existed.
     */
    public long digest() {
        Digest64 digest = new Digest64(DOMAIN).addLong(meta.index()).addLong(meta.term()).addBytes(data);
        if (meta.configuration() != null) {
            digest.addBytes(meta.configuration().encode());
        }
        if (meta.stateDigest() != null) {
            digest.addLong(meta.stateDigest());
        }
        return digest.value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot s && s.meta.equals(meta) && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return meta.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Snapshot[" + meta.index() + "@" + meta.term() + " " + data.length + "B"
                + (meta.configuration() == null ? "" : " " + meta.configuration()) + "]";
    }
}
