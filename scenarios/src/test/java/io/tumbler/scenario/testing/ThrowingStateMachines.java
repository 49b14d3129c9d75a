package io.tumbler.scenario.testing;

import io.tumbler.raft.node.StateMachine;
import io.tumbler.scenario.cluster.NodeStateMachines;
import io.tumbler.vm.VmStateMachine;
import java.util.Arrays;

/**
 * A regression patched into the state machine, for tests only: applying log index {@code atIndex} throws when
 * the command's hash is divisible by {@code modulus} (so which seeds fail depends on the workload each seed
 * draws; modulus 1 fails every run that commits that far). With {@code fromVm} the real {@link VmStateMachine}
 * throws (it is handed a corrupt snapshot image, as a buggy restore path would be); otherwise the wrapper throws
 * an {@link IllegalArgumentException} like a placement whose capacity accounting is wrong. Stateless, so one
 * instance may serve parallel seeds.
 */
public record ThrowingStateMachines(long atIndex, int modulus, boolean fromVm) implements NodeStateMachines {
  @Override
  public StateMachine forNode(int nodeId, VmStateMachine vm) {
    return new DelegatingStateMachine(vm) {
      @Override
      public byte[] apply(long index, byte[] command) {
        if (index == atIndex && Math.floorMod(Arrays.hashCode(command), modulus) == 0) {
          if (fromVm) {
            vm.restore(new byte[] {0x7f, 0x01});
          }
          throw new IllegalArgumentException("no host fits: reserved capacity went negative at index " + index);
        }
        return vm.apply(index, command);
      }
    };
  }

  @Override
  public String describe() {
    return "apply throws at index " + atIndex + " when the command hash is divisible by " + modulus
        + (fromVm ? ", from the VM state machine" : "");
  }
}
