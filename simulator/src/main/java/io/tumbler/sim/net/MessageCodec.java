package io.tumbler.sim.net;

import io.tumbler.sim.random.NameHash;
import java.util.function.ToLongFunction;

/**
 * How the network turns a message into the value the receiver sees. By default every delivery decodes a fresh
 * copy from the bytes encoded at send time, so mutating the sender's object after {@code send} cannot change
 * what the receiver gets, and two deliveries of a duplicated message share nothing. The encoded bytes' FNV-1a
 * hash is the message digest in the trace fingerprint.
 *
 * <p>{@link #immutable(ToLongFunction)} skips the copy for message types the caller vouches are deeply
 * immutable (records of primitives, strings and immutable collections): the receiver gets the sender's
 * instance, and the digest function supplies the fingerprint contribution.
 *
 * @param <M> the message type
 */
public interface MessageCodec<M> {
    /** The wire form of {@code message}; must be a pure function of the message's value. */
    byte[] encode(M message);

    /** A new message equal in value to the one encoded; must not retain {@code bytes}' identity in shared state. */
    M decode(byte[] bytes);

    /** True when the network may hand the sender's instance to receivers (see {@link #immutable}). */
    default boolean sharesInstances() {
        return false;
    }

    /** The message's digest for the fingerprint; used only when {@link #sharesInstances()} is true. */
    default long digest(M message) {
        return NameHash.of(encode(message));
    }

    /**
     * A codec for deeply immutable message types: no copy is made. {@code digest} must be a deterministic function
     * of the message's value (never {@code hashCode} of an enum or of an object with identity hashing); it feeds
     * the run fingerprint.
     */
    static <M> MessageCodec<M> immutable(ToLongFunction<? super M> digest) {
        return new MessageCodec<>() {
            @Override
            public byte[] encode(M message) {
                throw new UnsupportedOperationException("immutable codec does not encode");
            }

            @Override
            public M decode(byte[] bytes) {
                throw new UnsupportedOperationException("immutable codec does not decode");
            }

            @Override
            public boolean sharesInstances() {
                return true;
            }

            @Override
            public long digest(M message) {
                return digest.applyAsLong(message);
            }
        };
    }

    /**
     * A codec for deeply immutable message types whose content stays out of the fingerprint (digest 0): the
     * fingerprint then covers who sent what when, not what was said. Prefer {@link #immutable(ToLongFunction)}.
     */
    static <M> MessageCodec<M> immutable() {
        return immutable(message -> 0L);
    }
}
