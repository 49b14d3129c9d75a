package io.tumbler.scenario.run;

import io.tumbler.fault.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.util.List;

/**
 * The run-format record ({@link io.tumbler.runformat.AppliedFault}) of a fault applied in simulation: the same
 * fields, the schedule fault as its {@code schedule.json} JSON, the effect by its label.
 */
public final class AppliedFaultRecords {
  private AppliedFaultRecords() {}

  /** The record of {@code f}. */
  public static io.tumbler.runformat.AppliedFault of(AppliedFault f) {
    return new io.tumbler.runformat.AppliedFault(f.timeNanos(), f.fault(), f.applied(), f.type(), f.effect().label(),
        f.node(), f.done(), f.durationNanos(), f.spec() == null ? null : RunFormatJson.mapper().valueToTree(f.spec()),
        f.nodes());
  }

  /** The records of {@code applied}, in order. */
  public static List<io.tumbler.runformat.AppliedFault> of(List<AppliedFault> applied) {
    return applied.stream().map(AppliedFaultRecords::of).toList();
  }
}
