package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs the faults applied during a run ({@code checks.json} {@code appliedFaults}) with their heals, so a
 * timeline can shade each fault's window. The pairing follows the fault vocabulary of {@code fault-injection}:
 * "heal network" closes network faults, "restart nX" closes the crash of nX, "unclog nX" its clog,
 * "heal all" closes everything, a pause closes itself after its duration.
 */
public final class FaultWindows {
  private static final Pattern NODE = Pattern.compile("\\bn(\\d+)\\b");
  private static final Pattern PAUSE_MILLIS = Pattern.compile("for (\\d+)ms");

  private FaultWindows() {}

  /** The windows of {@code appliedFaults}, by start time; unhealed ones end at {@code horizonNanos}. */
  public static List<FaultWindow> of(JsonNode appliedFaults, long horizonNanos) {
    List<Open> open = new ArrayList<>();
    List<FaultWindow> done = new ArrayList<>();
    for (JsonNode f : appliedFaults) {
      long t = f.path("timeNanos").asLong();
      String fault = f.path("fault").asText();
      String applied = f.path("applied").asText(fault);
      if (applied.contains("nothing done")) {
        continue;
      }
      if (isHeal(fault)) {
        close(open, done, fault, applied, t);
      } else {
        start(open, done, fault, applied, t);
      }
    }
    long end = Math.max(horizonNanos, done.stream().mapToLong(FaultWindow::endNanos).max().orElse(0));
    for (Open o : open) {
      done.add(new FaultWindow(o.startNanos, Math.max(end, o.startNanos), o.label, o.kind, o.key, false));
    }
    done.sort(Comparator.comparingLong(FaultWindow::startNanos).thenComparing(FaultWindow::label));
    return done;
  }

  private record Open(long startNanos, String label, FaultKind kind, String key) {}

  private static boolean isHeal(String fault) {
    return fault.startsWith("heal") || fault.startsWith("restart") || fault.startsWith("unclog");
  }

  private static void close(List<Open> open, List<FaultWindow> done, String fault, String applied, long t) {
    boolean all = fault.startsWith("heal all");
    String node = node(applied);
    for (int i = open.size() - 1; i >= 0; i--) {
      Open o = open.get(i);
      boolean closes = all
          || (fault.startsWith("heal network") && o.kind == FaultKind.NETWORK)
          || (fault.startsWith("restart") && o.kind == FaultKind.PROCESS && o.key.equals(node))
          || (fault.startsWith("unclog") && o.key.equals("clog " + node));
      if (closes) {
        done.add(new FaultWindow(o.startNanos, Math.max(t, o.startNanos), o.label, o.kind, o.key, true));
        open.remove(i);
      }
    }
  }

  private static void start(List<Open> open, List<FaultWindow> done, String fault, String applied, long t) {
    FaultKind kind = kindOf(fault);
    String node = node(applied);
    if (kind == FaultKind.DISK) {
      done.add(new FaultWindow(t, t, applied, kind, node, true));
    } else if (kind == FaultKind.PAUSE) {
      Matcher m = PAUSE_MILLIS.matcher(fault);
      long millis = m.find() ? Long.parseLong(m.group(1)) : 0;
      done.add(new FaultWindow(t, t + millis * 1_000_000, applied, kind, node, true));
    } else {
      String key = kind == FaultKind.PROCESS ? node : fault.startsWith("clog") ? "clog " + node : kind.label();
      open.add(new Open(t, applied, kind, key));
    }
  }

  static FaultKind kindOf(String fault) {
    if (fault.startsWith("crash") || fault.startsWith("kill") || fault.startsWith("torn write")) {
      return FaultKind.PROCESS;
    }
    if (fault.startsWith("pause")) {
      return FaultKind.PAUSE;
    }
    if (fault.startsWith("clock")) {
      return FaultKind.CLOCK;
    }
    if (fault.startsWith("wipe") || fault.startsWith("bit flip") || fault.startsWith("sync failure")) {
      return FaultKind.DISK;
    }
    return FaultKind.NETWORK;
  }

  private static String node(String text) {
    Matcher m = NODE.matcher(text);
    String last = "";
    while (m.find()) {
      last = "n" + m.group(1);
    }
    return last;
  }
}
