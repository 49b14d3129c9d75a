package io.tumbler.raft;

/**
 * The answer to an {@link AppendEntries} or an {@link InstallSnapshot}.
 *
 * <p>On success {@code index} is the highest index known to match the leader's log. On rejection
 * {@code index} is the rejected {@code prevIndex} (so the leader can discard stale rejections) and
 * ({@code conflictIndex}, {@code conflictTerm}) is the fast-backtracking hint: the largest index
 * {@code <= min(prevIndex, lastIndex)} whose term is {@code <= prevTerm}, and that term. The leader
 * skips straight past every entry that cannot match (dissertation §5.3 / etcd's findConflictByTerm).
 */
public record AppendResponse(int from, int to, long term, boolean success, long index, long conflictIndex,
                             long conflictTerm) implements Message {
}
