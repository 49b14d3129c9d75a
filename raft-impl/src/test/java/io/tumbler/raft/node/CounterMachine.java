package io.tumbler.raft.node;

import java.nio.ByteBuffer;

/**
 * A tiny deterministic state machine for driver tests: it counts applied commands and folds every
 * applied payload into a running hash, so applying a command twice or out of order changes the digest.
 * {@code apply} answers the new count; {@code query} answers the count.
 */
public final class CounterMachine implements StateMachine {
    private long count;
    private long hash = 17;
    private int applyCalls;

    @Override
    public byte[] apply(long index, byte[] command) {
        applyCalls++;
        count++;
        for (byte b : command) {
            hash = hash * 31 + b;
        }
        hash = hash * 31 + index;
        return ByteBuffer.allocate(8).putLong(count).array();
    }

    @Override
    public byte[] query(byte[] query) {
        return ByteBuffer.allocate(8).putLong(count).array();
    }

    @Override
    public byte[] snapshot() {
        return ByteBuffer.allocate(16).putLong(count).putLong(hash).array();
    }

    @Override
    public void restore(byte[] snapshot) {
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        count = in.getLong();
        hash = in.getLong();
    }

    @Override
    public long digest() {
        return hash ^ (count << 40);
    }

    public long count() {
        return count;
    }

    /** How many times apply() ran in this incarnation (exactly-once checks). */
    int applyCalls() {
        return applyCalls;
    }

    public static long decode(byte[] result) {
        return ByteBuffer.wrap(result).getLong();
    }
}
