package io.tumbler.lin.model.vm;

/**
 * A VM's status as clients see it ({@code "stopped"}, {@code "running"}, {@code "failed"} in
 * {@code get-vm} results). A FAILED VM lost its host and holds no reservation until migrated.
 */
public enum VmPhase {
  STOPPED,
  RUNNING,
  FAILED;

  /** The wire name, lower case. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
