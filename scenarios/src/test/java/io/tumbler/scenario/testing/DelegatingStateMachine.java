package io.tumbler.scenario.testing;

import io.tumbler.raft.node.StateMachine;
import io.tumbler.vm.VmStateMachine;

/**
 * A {@link StateMachine} that hands every call to the node's real {@link VmStateMachine}: a test regression
 * overrides the one call it breaks and keeps the rest true.
 */
public class DelegatingStateMachine implements StateMachine {
  protected final VmStateMachine vm;

  public DelegatingStateMachine(VmStateMachine vm) {
    this.vm = vm;
  }

  @Override
  public byte[] apply(long index, byte[] command) {
    return vm.apply(index, command);
  }

  @Override
  public byte[] query(byte[] query) {
    return vm.query(query);
  }

  @Override
  public byte[] snapshot() {
    return vm.snapshot();
  }

  @Override
  public void restore(byte[] snapshot) {
    vm.restore(snapshot);
  }

  @Override
  public long digest() {
    return vm.digest();
  }
}
