package io.tumbler.raft;

/**
 * A Raft message between two nodes. Every message carries the sender's term; a receiver with a
 * lower term adopts it (Raft §5.1), a receiver with a higher term rejects or ignores the message.
 * Messages are values; the transport may lose, duplicate, delay and reorder them and the core
 * stays safe. {@link MessageCodec} is their only wire form.
 */
public sealed interface Message
        permits RequestVote, VoteResponse, AppendEntries, AppendResponse, Heartbeat, HeartbeatResponse,
        InstallSnapshot, TimeoutNow, JoinRequest, JoinChallenge, JoinProof {
    /** The sending node id (1..N). */
    int from();

    /** The receiving node id (1..N). */
    int to();

    /** The sender's term (for a pre-vote request: the term it would campaign in). */
    long term();
}
