package io.tumbler.raft;

/** The state of an election as far as the votes received so far can tell. */
enum VoteResult {
    PENDING,
    WON,
    LOST
}
