package io.tumbler.sim.bench;

import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.SimProcess;

/**
 * A bench process: keeps {@code conversations} pings outstanding at once, each to a random peer; answers
 * pings with pongs; a pong for the current round starts the next round, and a retransmission timer re-sends a
 * ping that got no answer in time (to a new random peer, so a partition does not stall a conversation forever).
 */
final class PingPongPeer implements SimProcess<PingPongMessage> {
    private final long retransmitNanos;
    private final long[] rounds;
    private final int[] peers;
    private final Timer[] timers;
    private ProcessContext<PingPongMessage> context;
    private long roundsCompleted;

    PingPongPeer(int conversations, long retransmitNanos) {
        this.retransmitNanos = retransmitNanos;
        this.rounds = new long[conversations];
        this.peers = new int[conversations];
        this.timers = new Timer[conversations];
    }

    @Override
    public void onStart(ProcessContext<PingPongMessage> newContext) {
        context = newContext;
        for (int c = 0; c < rounds.length; c++) {
            startRound(c);
        }
    }

    @Override
    public void onMessage(int from, PingPongMessage message) {
        if (message instanceof PingPongMessage.Ping) {
            context.send(from, new PingPongMessage.Pong(message.conversation(), message.round()));
            return;
        }
        int c = message.conversation();
        if (message.round() == rounds[c] && timers[c] != null) {
            timers[c].cancel();
            timers[c] = null;
            roundsCompleted++;
            startRound(c);
        }
    }

    long roundsCompleted() {
        return roundsCompleted;
    }

    private void startRound(int conversation) {
        rounds[conversation]++;
        sendPing(conversation);
    }

    private void sendPing(int conversation) {
        int others = context.processCount() - 1;
        int peer = context.random().nextInt(others);
        peers[conversation] = peer >= context.id() ? peer + 1 : peer;
        context.send(peers[conversation], new PingPongMessage.Ping(conversation, rounds[conversation]));
        timers[conversation] = context.setTimer(retransmitNanos, () -> sendPing(conversation));
    }
}
