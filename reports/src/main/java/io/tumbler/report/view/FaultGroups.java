package io.tumbler.report.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups fault windows by kind and applied label, in the order each group first occurred. */
public final class FaultGroups {
  private FaultGroups() {}

  /** The groups of {@code windows} (sorted by start time, as {@link FaultWindows#of} returns them). */
  public static List<FaultGroup> of(List<FaultWindow> windows) {
    Map<String, List<FaultWindow>> byKey = new LinkedHashMap<>();
    for (FaultWindow w : windows) {
      byKey.computeIfAbsent(w.kind().label() + "\u0000" + w.label(), k -> new ArrayList<>()).add(w);
    }
    List<FaultGroup> out = new ArrayList<>();
    byKey.values().forEach(ws -> out.add(new FaultGroup(ws.get(0).kind(), ws.get(0).label(), ws)));
    return out;
  }
}
