package io.tumbler.fault;

/**
 * What an {@link Fault.OnStep} trigger does to its target, each undone by itself after the trigger's
 * {@code holdMillis}: the node comes back, resumes, rejoins or is released.
 */
public enum StepReaction {
  /** Crash (unsynced writes lost), restart after the hold. */
  CRASH,
  /** Crash tearing the last unsynced write, restart after the hold. */
  TORN_CRASH,
  /** Stop the world for the hold. */
  PAUSE,
  /** Cut off from every other node for the hold. */
  ISOLATE,
  /** Every message to and from it held (not dropped) for the hold, then released at once. */
  CLOG,
  /** Every link slow (0.2..30 ms, reordering) and duplicating a third of messages for the hold. */
  SLOW_NETWORK
}
