package io.tumbler.lin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 4's performance targets, evaluated on a benchmark run: the 102 Porcupine etcd histories in at
 * most 300 ms summed; {@code kv/c50-ok} in at most 180 ms; a full counterexample for {@code kv/c50-bad}
 * within the heap of this JVM (the target says 4 GB; run with {@code -Xmx4g} to claim it).
 */
final class BenchTargets {
  private BenchTargets() {}

  static List<TargetCheck> evaluate(List<HistoryTiming> timings, Map<String, GroupTotal> totals) {
    List<TargetCheck> targets = new ArrayList<>();
    GroupTotal etcd = totals.get("porcupine/jepsen");
    if (etcd != null) {
      targets.add(new TargetCheck("porcupine/jepsen: all etcd histories, sum of medians", etcd.medianMillisSum(), 300.0,
          etcd.medianMillisSum() <= 300 && etcd.unknown() == 0, etcd.files() + " files, " + etcd.unknown() + " unknown"));
    }
    for (HistoryTiming timing : timings) {
      if (timing.file().endsWith("kv/c50-ok.txt")) {
        targets.add(new TargetCheck("porcupine/kv/c50-ok.txt", timing.medianMillis(), 180.0,
            timing.medianMillis() <= 180 && timing.verdict().equals("VALID"), "verdict " + timing.verdict()));
      }
      if (timing.file().endsWith("kv/c50-bad.txt")) {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        boolean counterexample = timing.verdict().equals("INVALID");
        targets.add(new TargetCheck("porcupine/kv/c50-bad.txt: full counterexample", timing.medianMillis(),
            null, counterexample && heapMiB <= 4096,
            "verdict " + timing.verdict() + " with counterexample, max heap " + heapMiB + " MiB (target: within 4096 MiB)"));
      }
    }
    return targets;
  }
}
