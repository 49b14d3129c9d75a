package io.tumbler.lin.bench;

/**
 * A corpus group's benchmark totals.
 *
 * @param files            histories in the group
 * @param medianMillisSum  the sum of the histories' median times
 * @param valid            histories found valid
 * @param invalid          histories found invalid
 * @param unknown          histories left unknown
 */
public record GroupTotal(int files, double medianMillisSum, int valid, int invalid, int unknown) {
  /** This total with one more history. */
  GroupTotal plus(HistoryTiming timing) {
    return new GroupTotal(files + 1, medianMillisSum + timing.medianMillis(),
        valid + (timing.verdict().equals("VALID") ? 1 : 0),
        invalid + (timing.verdict().equals("INVALID") ? 1 : 0),
        unknown + (timing.verdict().equals("UNKNOWN") ? 1 : 0));
  }
}
