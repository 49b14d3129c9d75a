package io.tumbler.sim.determinism;

import io.tumbler.sim.kernel.RunBudget;
import io.tumbler.sim.kernel.RunOutcome;
import io.tumbler.sim.kernel.RunResult;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.LinkProfile;
import io.tumbler.sim.net.MessageCodec;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.ProcessHost;
import io.tumbler.sim.process.SimProcess;
import io.tumbler.sim.random.DelayDistribution;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.trace.Fingerprint;
import io.tumbler.sim.trace.TraceJournal;
import java.nio.ByteBuffer;

/**
 * A seeded workload that touches every simulator feature - byte-codec messages, disk writes and syncs, timers,
 * clock drift and jumps, crashes (with torn writes), restarts, pauses, wipes, bit flips, sync failures,
 * partitions, one-way blocks and clogs - for determinism tests. {@code main} prints one line per seed:
 * {@code seed=<seed> fingerprint=<hex> events=<n>}.
 */
public final class ChaosWorkload {
    private static final long MS = 1_000_000;
    private static final int NODES = 4;

    private ChaosWorkload() {
    }

    /** Runs the workload for {@code seed} and returns the run's result. */
    public static RunResult run(long seed, TraceJournal journal) {
        Simulation sim = new Simulation(seed, RunBudget.of(5_000_000, 60), journal);
        SimNetwork<long[]> network = new SimNetwork<>(sim, new LongsCodec(),
                LinkProfile.reliable(DelayDistribution.exponentialWithMin(200_000, 300_000))
                        .withLossRate(0.05).withDuplicationRate(0.03).withReordering(0.2, 2 * MS));
        ProcessHost<long[]> host = ProcessHost.create(sim, network);
        for (int i = 0; i < NODES; i++) {
            host.add("n" + i, Replica::new);
            host.start(i);
        }
        RandomStream nemesis = sim.streams().stream("nemesis");
        for (long at = 20 * MS; at < 2_000 * MS; at += 20 * MS) {
            sim.schedule(at, "nemesis", () -> strike(host, network, nemesis));
        }
        RunResult result = sim.runUntil(2_100 * MS);
        if (result.outcome() != RunOutcome.REACHED_TIME) {
            throw new IllegalStateException(result.message());
        }
        return result;
    }

    private static void strike(ProcessHost<long[]> host, SimNetwork<long[]> network, RandomStream nemesis) {
        int node = nemesis.nextInt(NODES);
        int other = (node + 1 + nemesis.nextInt(NODES - 1)) % NODES;
        switch (nemesis.nextInt(12)) {
            case 0: host.crash(node, nemesis.chance(0.5)); break;
            case 1: host.start(node); break;
            case 2: host.pause(node, nemesis.uniform(1, 30) * MS); break;
            case 3: host.clock(node).jump(nemesis.uniform(-50, 50) * MS); break;
            case 4: host.clock(node).setDrift(nemesis.uniform(-500, 500) / 1000.0); break;
            case 5: host.disk(node).flipRandomBit(); break;
            case 6: host.disk(node).failNextSync(); break;
            case 7: network.isolate(node); break;
            case 8: network.block(node, other); break;
            case 9: network.heal(); network.unclogAll(); break;
            case 10: network.clogLink(node, other); break;
            default: if (nemesis.chance(0.1)) { host.wipe(node); } host.start(node); break;
        }
    }

    /** Gossips a counter; persists what it hears, syncs on a timer, recovers the last synced value on start. */
    static final class Replica implements SimProcess<long[]> {
        private ProcessContext<long[]> context;
        private long heard;

        @Override
        public void onStart(ProcessContext<long[]> newContext) {
            context = newContext;
            byte[] state = context.disk().readAll("state");
            heard = state.length >= 8 ? ByteBuffer.wrap(state, state.length - 8, 8).getLong() : 0;
            tick();
        }

        private void tick() {
            int peer = context.random().nextInt(context.processCount());
            context.send(peer, new long[] {context.id(), heard, context.nowNanos()});
            context.disk().sync("state", result -> heard += result.ordinal());
            context.setTimer(context.random().uniform(1, 5) * MS, this::tick);
        }

        @Override
        public void onMessage(int from, long[] message) {
            heard = heard * 31 + message[1] + from;
            context.disk().append("state", ByteBuffer.allocate(8).putLong(heard).array());
        }
    }

    /** A real byte codec, so the copy-on-send path is part of the determinism check. */
    static final class LongsCodec implements MessageCodec<long[]> {
        @Override
        public byte[] encode(long[] message) {
            ByteBuffer buffer = ByteBuffer.allocate(8 * message.length);
            for (long value : message) {
                buffer.putLong(value);
            }
            return buffer.array();
        }

        @Override
        public long[] decode(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long[] out = new long[bytes.length / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = buffer.getLong();
            }
            return out;
        }
    }

    /** Prints {@code seed=... fingerprint=... events=...} for each seed argument. */
    public static void main(String[] args) {
        for (String arg : args) {
            long seed = Long.parseLong(arg);
            RunResult result = run(seed, TraceJournal.fingerprintOnly());
            System.out.println("seed=" + seed + " fingerprint=" + Fingerprint.hex(result.fingerprint())
                    + " events=" + result.eventsExecuted());
        }
    }
}
