package io.tumbler.fault;

/** Whom an {@link Fault.OnStep} reaction hits, resolved when the step is seen. */
public enum StepTarget {
  /** The node at which the step happened (for a delivery: the receiver). */
  OBSERVER,
  /** The current leader (nothing if there is none). */
  LEADER,
  /** For a delivery, the message's sender; for other steps, the observer. */
  SENDER
}
