package io.tumbler.raft;

/**
 * The invariants between two successive hard states a core reports: the term never decreases, a
 * vote once cast is never changed within its term, the commit index never decreases and never
 * passes the last log index. A violation is a bug in the core and stops the node.
 */
final class HardStateGuard {
    private HardStateGuard() {
    }

    static void checkTransition(int node, HardState before, HardState after, long lastIndex) {
        if (after.term() < before.term()) {
            fail(node, "term went back from " + before.term() + " to " + after.term());
        }
        if (after.term() == before.term() && before.votedFor() != 0 && after.votedFor() != before.votedFor()) {
            fail(node, "vote in term " + after.term() + " changed from " + before.votedFor() + " to " + after.votedFor());
        }
        if (after.commitIndex() < before.commitIndex()) {
            fail(node, "commit index went back from " + before.commitIndex() + " to " + after.commitIndex());
        }
        if (after.commitIndex() > lastIndex) {
            fail(node, "commit index " + after.commitIndex() + " beyond last index " + lastIndex);
        }
    }

    private static void fail(int node, String what) {
        throw new IllegalStateException("hard state invariant on node " + node + ": " + what);
    }
}
