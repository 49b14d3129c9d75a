package io.tumbler.vm;

import io.tumbler.raft.Digest64;
import java.nio.charset.StandardCharsets;

/**
 * Field-by-field hashing of state records for the state digest, on top of the module's frozen
 * {@link Digest64}. Each record kind has its own domain constant so that, say, a host and a path entry
 * with coinciding fields never hash alike.
 *
 * <p>The state digest is a sum of per-record hashes (see {@link VmState#digest}), which is what makes it
 * independent of the order in which records were inserted.
 */
final class StateDigest {
    static final long HOST = 0x484F5354L;   // "HOST"
    static final long VM = 0x564DL;         // "VM"
    static final long PATH = 0x50415448L;   // "PATH"
    static final long STATE = 0x5354415445L; // "STATE"

    private final Digest64 digest;

    private StateDigest(long domain) {
        this.digest = new Digest64(domain);
    }

    static StateDigest start(long domain) {
        return new StateDigest(domain);
    }

    StateDigest add(long value) {
        digest.addLong(value);
        return this;
    }

    StateDigest add(String text) {
        digest.addBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    StateDigest add(Bytes bytes) {
        digest.addBytes(bytes.array());
        return this;
    }

    StateDigest add(Resources resources) {
        return add(resources.vcpus()).add(resources.memoryMib());
    }

    long value() {
        return digest.value();
    }
}
