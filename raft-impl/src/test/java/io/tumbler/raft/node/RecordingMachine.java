package io.tumbler.raft.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A state machine that remembers how many times each command payload was applied, so a test can check
 * exactly-once application of every acknowledged command on every replica.
 */
final class RecordingMachine implements StateMachine {
    private final TreeMap<String, Integer> applied = new TreeMap<>();

    @Override
    public byte[] apply(long index, byte[] command) {
        int times = applied.merge(new String(command, StandardCharsets.UTF_8), 1, Integer::sum);
        return ByteBuffer.allocate(4).putInt(times).array();
    }

    @Override
    public byte[] query(byte[] query) {
        Integer times = applied.get(new String(query, StandardCharsets.UTF_8));
        return ByteBuffer.allocate(4).putInt(times == null ? 0 : times).array();
    }

    @Override
    public byte[] snapshot() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : applied.entrySet()) {
            out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] snapshot) {
        applied.clear();
        for (String line : new String(snapshot, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                int eq = line.lastIndexOf('=');
                applied.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1)));
            }
        }
    }

    @Override
    public long digest() {
        long h = 1125899906842597L;
        for (byte b : snapshot()) {
            h = 31 * h + b;
        }
        return h;
    }

    Map<String, Integer> applied() {
        return applied;
    }
}
