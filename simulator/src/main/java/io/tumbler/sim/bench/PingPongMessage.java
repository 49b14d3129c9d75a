package io.tumbler.sim.bench;

/** The bench's messages: deeply immutable records, sent with {@code MessageCodec.immutable(digest)}. */
public sealed interface PingPongMessage permits PingPongMessage.Ping, PingPongMessage.Pong {
    /** Which of the sender's conversations this belongs to. */
    int conversation();

    /** The round within the conversation. */
    long round();

    /** A deterministic digest of the value for the fingerprint. */
    long digest();

    /** A request the receiver answers with a {@link Pong} of the same conversation and round. */
    record Ping(int conversation, long round) implements PingPongMessage {
        @Override
        public long digest() {
            return (round << 8) ^ conversation;
        }
    }

    /** The answer to a {@link Ping}. */
    record Pong(int conversation, long round) implements PingPongMessage {
        @Override
        public long digest() {
            return ~((round << 8) ^ conversation);
        }
    }
}
