package io.tumbler.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.random.DelayDistribution;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
    private static final long LATENCY = 1_000_000;

    private final Simulation sim = Simulation.create(12345);
    private final SimNetwork<String> network = new SimNetwork<>(sim, MessageCodec.immutable(m -> m.hashCode()),
            LinkProfile.reliable(DelayDistribution.fixed(LATENCY)));
    private final RecordingReceiver<String> receiver = new RecordingReceiver<>(sim);

    SimNetworkTest() {
        network.attach(receiver);
        network.ensureNodes(5);
    }

    @Test
    void aReliableLinkDeliversAfterItsLatencyInSendOrder() {
        network.send(0, 1, "a");
        network.send(0, 1, "b");
        sim.runUntilIdle();
        assertEquals(List.of("a", "b"), receiver.messagesTo(1));
        assertEquals(LATENCY, receiver.deliveries.get(0).timeNanos());
        assertEquals(new NetworkCounters(2, 2, 0, 0, 0, 0, 0), network.counters());
    }

    @Test
    void partitionBlocksAcrossGroupsAndIsolatesUnlistedNodes() {
        network.partition(new int[] {0, 1}, new int[] {2, 3});
        assertTrue(network.isConnected(0, 1));
        assertFalse(network.isConnected(1, 2));
        assertFalse(network.isConnected(4, 0));
        assertTrue(network.isConnected(4, 4));
        sendAllPairs();
        sim.runUntilIdle();
        assertEquals(List.of("0>1"), receiver.messagesTo(1));
        assertEquals(List.of("3>2"), receiver.messagesTo(2));
        assertEquals(List.of(), receiver.messagesTo(4));
        assertEquals(20 - 4, network.counters().droppedByPartition());
        assertThrows(IllegalArgumentException.class, () -> network.partition(new int[] {0}, new int[] {0, 1}));
    }

    private void sendAllPairs() {
        for (int from = 0; from < 5; from++) {
            for (int to = 0; to < 5; to++) {
                if (from != to) {
                    network.send(from, to, from + ">" + to);
                }
            }
        }
    }

    @Test
    void aOneWayPartitionBlocksOnlyItsDirection() {
        network.block(0, 1);
        network.send(0, 1, "lost");
        network.send(1, 0, "arrives");
        sim.runUntilIdle();
        assertEquals(List.of(), receiver.messagesTo(1));
        assertEquals(List.of("arrives"), receiver.messagesTo(0));
        network.unblock(0, 1);
        network.send(0, 1, "now fine");
        sim.runUntilIdle();
        assertEquals(List.of("now fine"), receiver.messagesTo(1));
        assertThrows(IllegalArgumentException.class, () -> network.block(2, 2));
    }

    @Test
    void healRestoresEveryLinkAndAPartitionCutsMessagesInFlight() {
        network.send(0, 1, "in flight");
        sim.runUntil(LATENCY / 2);
        network.isolate(1);
        sim.runUntilIdle();
        assertEquals(List.of(), receiver.messagesTo(1));
        network.heal();
        sendAllPairs();
        sim.runUntilIdle();
        assertEquals(20, receiver.deliveries.size());
        assertEquals(1, network.counters().droppedByPartition());
    }

    @Test
    void cloggingHoldsMessagesUntilUnclogWithoutDroppingThem() {
        network.clogLink(0, 1);
        network.send(0, 1, "first");
        network.send(0, 1, "second");
        network.send(1, 0, "reverse is clear");
        sim.runUntil(10 * LATENCY);
        assertEquals(List.of(), receiver.messagesTo(1));
        assertEquals(List.of("reverse is clear"), receiver.messagesTo(0));
        assertEquals(2, network.counters().held());
        network.unclogLink(0, 1);
        sim.runUntilIdle();
        assertEquals(List.of("first", "second"), receiver.messagesTo(1));
        assertEquals(10 * LATENCY, receiver.deliveries.get(1).timeNanos());
        assertEquals(0, network.counters().dropped());
    }

    @Test
    void cloggingANodeHoldsTrafficBothWays() {
        network.clogNode(2);
        assertTrue(network.isClogged(2, 3));
        assertTrue(network.isClogged(3, 2));
        network.send(2, 3, "out");
        network.send(3, 2, "in");
        network.send(3, 4, "unaffected");
        sim.runUntilIdle();
        assertEquals(List.of("unaffected"), receiver.messagesTo(4));
        network.unclogAll();
        sim.runUntilIdle();
        assertEquals(3, receiver.deliveries.size());
    }

    @Test
    void lossRateHoldsWithinFiveSigmaOver100kMessages() {
        double rate = 0.1;
        network.setDefaultProfile(LinkProfile.reliable(DelayDistribution.fixed(10)).withLossRate(rate));
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            network.send(0, 1, "m");
        }
        sim.runUntilIdle();
        long lost = network.counters().droppedByLoss();
        assertWithinFiveSigma(n, rate, lost);
        assertEquals(n - lost, receiver.deliveries.size());
    }

    @Test
    void duplicationRateHoldsWithinFiveSigmaOver100kMessages() {
        double rate = 0.05;
        network.setDefaultProfile(LinkProfile.reliable(DelayDistribution.fixed(10)).withDuplicationRate(rate));
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            network.send(0, 1, "m");
        }
        sim.runUntilIdle();
        long duplicated = network.counters().duplicated();
        assertWithinFiveSigma(n, rate, duplicated);
        assertEquals(n + duplicated, receiver.deliveries.size());
    }

    private static void assertWithinFiveSigma(int n, double p, long observed) {
        double sigma = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(observed - n * p) < 5 * sigma, observed + " vs expected " + n * p + " +- " + 5 * sigma);
        assertTrue(observed > 0);
    }

    @Test
    void reorderingLetsLaterMessagesOvertakeEarlierOnes() {
        assertEquals(0, inversions(0.0), "without reordering a fixed-latency link is FIFO");
        assertTrue(inversions(0.3) > 100, "with reordering later messages overtake earlier ones");
    }

    private int inversions(double reorderRate) {
        Simulation local = Simulation.create(99);
        SimNetwork<Integer> net = new SimNetwork<>(local, MessageCodec.immutable(m -> m),
                LinkProfile.reliable(DelayDistribution.fixed(LATENCY)).withReordering(reorderRate, 10 * LATENCY));
        RecordingReceiver<Integer> recorder = new RecordingReceiver<>(local);
        net.attach(recorder);
        net.ensureNodes(2);
        for (int i = 0; i < 1000; i++) {
            local.schedule(i * 100_000L, "send", () -> net.send(0, 1, (int) (local.nowNanos() / 100_000)));
        }
        local.runUntilIdle();
        List<Integer> order = recorder.messagesTo(1);
        assertEquals(1000, order.size());
        int count = 0;
        for (int i = 1; i < order.size(); i++) {
            count += order.get(i) < order.get(i - 1) ? 1 : 0;
        }
        return count;
    }

    @Test
    void perLinkProfilesOverrideTheDefault() {
        network.setLinkProfile(0, 1, LinkProfile.reliable(DelayDistribution.fixed(5 * LATENCY)));
        network.send(0, 1, "slow");
        network.send(1, 0, "fast");
        sim.runUntilIdle();
        assertEquals(LATENCY, receiver.deliveries.get(0).timeNanos());
        assertEquals(5 * LATENCY, receiver.deliveries.get(1).timeNanos());
    }

    /** A deliberately mutable message type: what the receiver gets must not change when the sender mutates. */
    static final class MutableNote {
        final StringBuilder text;

        MutableNote(String text) {
            this.text = new StringBuilder(text);
        }
    }

    static final class NoteCodec implements MessageCodec<MutableNote> {
        @Override
        public byte[] encode(MutableNote message) {
            return message.text.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public MutableNote decode(byte[] bytes) {
            return new MutableNote(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatingTheSendersObjectAfterSendDoesNotChangeWhatTheReceiverGets() {
        Simulation local = Simulation.create(5);
        SimNetwork<MutableNote> net = new SimNetwork<>(local, new NoteCodec(),
                LinkProfile.reliable(DelayDistribution.fixed(LATENCY)).withDuplicationRate(1.0));
        RecordingReceiver<MutableNote> recorder = new RecordingReceiver<>(local);
        net.attach(recorder);
        net.ensureNodes(2);
        MutableNote note = new MutableNote("commit index 7");
        net.send(0, 1, note);
        note.text.setLength(0);
        note.text.append("tampered");
        local.runUntilIdle();
        List<MutableNote> got = recorder.messagesTo(1);
        assertEquals(2, got.size());
        assertEquals("commit index 7", got.get(0).text.toString());
        assertNotSame(note, got.get(0));
        assertNotSame(got.get(0), got.get(1), "each duplicate is its own copy");
    }

    @Test
    void unknownNodesAndASecondReceiverAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> network.send(0, 5, "x"));
        assertThrows(IllegalStateException.class, () -> network.attach(receiver));
        assertThrows(IllegalArgumentException.class,
                () -> LinkProfile.reliable(DelayDistribution.fixed(1)).withLossRate(1.5));
    }
}
