package io.tumbler.sim.trace;

/** Why a message never reached its receiver; recorded in {@link TraceType#MESSAGE_DROP}. Append-only. */
public enum DropReason {
    /** The link's loss rate claimed it when sent. */
    LOSS,
    /** The link was blocked (partition) when the message was sent or when it arrived. */
    PARTITION,
    /** The receiver was down, or the incarnation the message was addressed to has crashed. */
    RECEIVER_DOWN
}
