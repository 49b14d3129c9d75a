package io.tumbler.raft.storage;

import io.tumbler.raft.node.SyncCallback;
import io.tumbler.raft.node.SyncResult;
import java.util.List;

/**
 * Runs sync requests one after another, each started only after the previous one reported success, so
 * the durability order is the list order. The first failure ends the chain and is reported.
 */
final class SyncChain {
    /** One sync request (a file's or directory's {@code sync}). */
    @FunctionalInterface
    interface Step {
        void sync(SyncCallback callback);
    }

    private final List<Step> steps;
    private final SyncCallback done;

    private SyncChain(List<Step> steps, SyncCallback done) {
        this.steps = List.copyOf(steps);
        this.done = done;
    }

    /** Runs {@code steps} in order, then calls {@code done} once with the outcome. */
    static void run(List<Step> steps, SyncCallback done) {
        new SyncChain(steps, done).next(0);
    }

    private void next(int index) {
        if (index == steps.size()) {
            done.completed(SyncResult.SYNCED);
            return;
        }
        steps.get(index).sync(result -> {
            if (result.succeeded()) {
                next(index + 1);
            } else {
                done.completed(result);
            }
        });
    }
}
