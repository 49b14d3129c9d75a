package io.tumbler.lin.model.vm;

/**
 * A host's phase as clients see it ({@code "active"}, {@code "draining"}, {@code "failed"} in
 * {@code get-host} results). Mirrors the VM state machine: ACTIVE accepts placements; DRAINING accepts
 * none but keeps its VMs; FAILED holds nothing.
 */
public enum HostPhase {
  ACTIVE,
  DRAINING,
  FAILED;

  /** The wire name, lower case. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
