package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.scenario.workload.HostMembership;
import io.tumbler.vm.Resources;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmStateMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member-hosts check passes a state that keeps its promises and names each one a state breaks. */
class MemberHostsCheckTest {
  private static final Resources EIGHT = new Resources(8, 8192);

  private static VmStateMachine apply(VmCommand... commands) {
    VmStateMachine vm = new VmStateMachine();
    for (VmCommand c : commands) {
      vm.apply(c);
    }
    return vm;
  }

  @Test
  void aRetiredHostThatIsFailedAndEmptyPasses() {
    VmStateMachine vm = apply(new VmCommand.RegisterHost("h-1", EIGHT), new VmCommand.RegisterHost("h-2", EIGHT),
        new VmCommand.CreateVm("v0", new Resources(1, 1024)), new VmCommand.DrainHost("h-1"),
        new VmCommand.FailHost("h-1"));
    HostMembership m = new HostMembership(List.of(1, 2), List.of(1, 2), List.of(1), List.of());
    assertEquals(List.of(), MemberHostsCheck.problems(m, vm.state(), "n2"));
  }

  @Test
  void everyBrokenPromiseIsNamed() {
    VmStateMachine vm = apply(new VmCommand.RegisterHost("h-1", EIGHT),
        new VmCommand.CreateVm("v0", new Resources(1, 1024)), new VmCommand.RegisterHost("h-9", EIGHT));
    HostMembership m = new HostMembership(List.of(1, 2, 3), List.of(1, 2), List.of(1), List.of(3));
    List<String> problems = MemberHostsCheck.problems(m, vm.state(), "n2");
    assertEquals(4, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("host h-9 is registered but no member ever ran it"), problems::toString);
    assertTrue(problems.get(1).contains("host h-2 is not registered"), problems::toString);
    assertTrue(problems.get(2).contains("still holds [v0"), problems::toString);
    assertTrue(problems.get(3).contains("retirement of host h-3 never finished"), problems::toString);
  }

  @Test
  void aRetiredHostActiveAgainIsNamedEvenEmpty() {
    VmStateMachine vm = apply(new VmCommand.RegisterHost("h-1", EIGHT), new VmCommand.FailHost("h-1"),
        new VmCommand.RecoverHost("h-1"));
    HostMembership m = new HostMembership(List.of(1), List.of(1), List.of(1), List.of());
    assertEquals(List.of("n1: n1 left and its host was retired, but host h-1 is active again"),
        MemberHostsCheck.problems(m, vm.state(), "n1"));
  }
}
