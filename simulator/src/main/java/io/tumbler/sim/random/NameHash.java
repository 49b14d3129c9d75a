package io.tumbler.sim.random;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit FNV-1a (Fowler, Noll, Vo) over bytes: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
 *
 * <p>Used wherever a name or a byte payload must become a stable number: stream names (hashed as UTF-8, so
 * the value is the same on every JVM, unlike a salted or identity hash) and encoded messages in the trace
 * fingerprint.
 */
public final class NameHash {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private NameHash() {
    }

    /** FNV-1a of the UTF-8 bytes of {@code name}. */
    public static long of(String name) {
        return of(name.getBytes(StandardCharsets.UTF_8));
    }

    /** FNV-1a of {@code bytes}. */
    public static long of(byte[] bytes) {
        long hash = OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }
}
