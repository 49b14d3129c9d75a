package io.tumbler.sim.net;

/**
 * A snapshot of what the network did. Every send ends as exactly one of delivered, dropped or still in flight
 * (held messages count as in flight); duplicates add deliveries or drops of their own.
 *
 * @param sent                 messages handed to {@code send}
 * @param delivered            messages (copies included) that reached a running receiver's handler
 * @param duplicated           extra copies made by the duplication rate
 * @param droppedByLoss        sends claimed by the loss rate
 * @param droppedByPartition   messages whose link was blocked at send or at arrival
 * @param droppedAtDownProcess messages that arrived at a crashed process or at a dead incarnation
 * @param held                 messages currently held by clogging
 */
public record NetworkCounters(long sent, long delivered, long duplicated, long droppedByLoss,
                              long droppedByPartition, long droppedAtDownProcess, long held) {
    /** All drops, whatever the reason. */
    public long dropped() {
        return droppedByLoss + droppedByPartition + droppedAtDownProcess;
    }
}
