package io.tumbler.raft;

/**
 * A fast-backtracking position: the largest index at or below a probe whose term is at most a given
 * term, with that term. {@code term == 0} means the term is unknown (compacted) or the log is empty.
 */
record ConflictHint(long index, long term) {
}
