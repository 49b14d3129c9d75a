package io.tumbler.report.view;

import io.tumbler.runformat.AppliedFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs the faults applied during a run ({@code checks.json} {@code appliedFaults}, run-format
 * {@link AppliedFault} records) with their heals, so a
 * timeline can shade each fault's window. It reads what the harness wrote as data beside each fault, never its
 * words: the {@code effect} (what it disturbs, or what a heal ends), the {@code node} it landed on, whether it was
 * {@code done}, and the {@code durationNanos} of a fault that ends by itself. {@code heal-network} ends network and
 * clog windows, {@code restart} the crash of its node, {@code unclog} its clog, {@code resume} its pause,
 * {@code heal-disk} a held disk fault ({@code disk-held}) of its node, {@code heal-all} everything; other disk faults,
 * operator actions and triggers armed are moments. An entry without an
 * effect (a run written before it was recorded) is shown as a moment.
 */
public final class FaultWindows {
  private FaultWindows() {}

  /** The windows of {@code appliedFaults}, by start time; unhealed ones end at {@code horizonNanos}. */
  public static List<FaultWindow> of(List<AppliedFault> appliedFaults, long horizonNanos) {
    List<Open> open = new ArrayList<>();
    List<FaultWindow> done = new ArrayList<>();
    for (AppliedFault f : appliedFaults) {
      if (!f.done()) {
        continue;
      }
      Applied a = new Applied(f.timeNanos(), f.label(), f.effect(), f.node(), f.durationNanos(), f);
      if (!close(open, done, a)) {
        start(open, done, a);
      }
    }
    long end = Math.max(horizonNanos, done.stream().mapToLong(FaultWindow::endNanos).max().orElse(0));
    for (Open o : open) {
      done.add(new FaultWindow(o.startNanos, Math.max(end, o.startNanos), o.label, o.kind, o.key, false, o.fault));
    }
    done.sort(Comparator.comparingLong(FaultWindow::startNanos).thenComparing(FaultWindow::label));
    return done;
  }

  private record Applied(long timeNanos, String label, String effect, int node, long durationNanos,
      AppliedFault fault) {
    String nodeKey() {
      return node == 0 ? "" : "n" + node;
    }
  }

  private record Open(long startNanos, String label, FaultKind kind, String key, AppliedFault fault) {}

  /** Closes what heal {@code a} ends; false when {@code a} is no heal. */
  private static boolean close(List<Open> open, List<FaultWindow> done, Applied a) {
    String node = a.nodeKey();
    java.util.function.Predicate<Open> ends;
    switch (a.effect) {
      case "heal-all":
        ends = o -> true;
        break;
      case "heal-network":
        ends = o -> o.kind == FaultKind.NETWORK;
        break;
      case "restart":
        ends = o -> o.kind == FaultKind.PROCESS && o.key.equals(node);
        break;
      case "unclog":
        ends = o -> o.key.equals("clog " + node);
        break;
      case "resume":
        ends = o -> o.kind == FaultKind.PAUSE && o.key.equals(node);
        break;
      case "heal-disk":
        ends = o -> o.kind == FaultKind.DISK && o.key.equals(node);
        break;
      case "disarm":
        ends = o -> false;
        break;
      default:
        return false;
    }
    for (int i = open.size() - 1; i >= 0; i--) {
      Open o = open.get(i);
      if (ends.test(o)) {
        done.add(new FaultWindow(o.startNanos, Math.max(a.timeNanos, o.startNanos), o.label, o.kind, o.key, true,
            o.fault));
        open.remove(i);
      }
    }
    return true;
  }

  private static void start(List<Open> open, List<FaultWindow> done, Applied a) {
    FaultKind kind = kindOf(a.effect);
    String node = a.nodeKey();
    if ((kind == FaultKind.DISK && !a.effect.equals("disk-held")) || kind == FaultKind.OPERATOR) {
      done.add(new FaultWindow(a.timeNanos, a.timeNanos, a.label, kind, node, true, a.fault));
    } else if (kind == FaultKind.PAUSE && a.durationNanos > 0) {
      done.add(new FaultWindow(a.timeNanos, a.timeNanos + a.durationNanos, a.label, kind, node, true, a.fault));
    } else {
      String key = kind == FaultKind.PROCESS || kind == FaultKind.PAUSE || kind == FaultKind.DISK ? node
          : a.effect.equals("clog") ? "clog " + node : kind.label();
      open.add(new Open(a.timeNanos, a.label, kind, key, a.fault));
    }
  }

  /** The report's kind for a fault's {@code effect}; an unknown or missing effect is an operator moment. */
  static FaultKind kindOf(String effect) {
    switch (effect) {
      case "network":
      case "clog":
        return FaultKind.NETWORK;
      case "process":
        return FaultKind.PROCESS;
      case "pause":
        return FaultKind.PAUSE;
      case "clock":
        return FaultKind.CLOCK;
      case "disk":
      case "disk-held":
        return FaultKind.DISK;
      default:
        return FaultKind.OPERATOR;
    }
  }
}
