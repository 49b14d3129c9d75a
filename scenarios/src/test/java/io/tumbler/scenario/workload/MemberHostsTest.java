package io.tumbler.scenario.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStreams;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmResult;
import io.tumbler.vm.VmStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member's host takes its steps one at a time, each after the previous one's definite answer: registered on
 * join; drained, emptied (the VMs believed on it migrated) and failed on leave; a step whose client gave up is
 * sent again.
 */
class MemberHostsTest {
  private final MemberHosts hosts = new MemberHosts();
  private final VmLedger ledger = new VmLedger();

  MemberHostsTest() {
    hosts.begin(RandomStreams.root(7).stream("workload").stream("member-hosts"));
  }

  private PlannedOperation next() {
    return hosts.next(ledger, c -> PlannedOperation.command(0, "x", c, VmCodec.encodeCommand(c)));
  }

  private static VmCommand command(PlannedOperation op) {
    return (VmCommand) op.value();
  }

  @Test
  void aHostIsRegisteredOnJoinAndDrainedEmptiedAndFailedOnLeaveInOrder() {
    hosts.bootstrapped(new int[] {1, 2});
    PlannedOperation register1 = next();
    PlannedOperation register2 = next();
    assertTrue(command(register1) instanceof VmCommand.RegisterHost r && r.hostId().equals("h-1"));
    assertTrue(command(register2) instanceof VmCommand.RegisterHost r && r.hostId().equals("h-2"));
    assertNull(next(), "each host has one step in flight at most");
    hosts.left(1);
    assertNull(next(), "h-1's drain waits for its registration's answer");
    hosts.answered(register1);
    PlannedOperation drain = next();
    assertEquals(new VmCommand.DrainHost("h-1"), command(drain));
    ledger.learn(new VmResult.VmInfo(new Vm("v3", new Resources(1, 1024), VmStatus.RUNNING, "h-1")));
    ledger.learn(new VmResult.VmInfo(new Vm("v1", new Resources(1, 1024), VmStatus.STOPPED, "h-1")));
    ledger.learn(new VmResult.VmInfo(new Vm("v2", new Resources(1, 1024), VmStatus.STOPPED, "h-2")));
    hosts.answered(drain);
    PlannedOperation first = next();
    assertEquals(new VmCommand.MigrateVm("v1", null), command(first), "the VMs believed on h-1, in id order");
    hosts.abandoned(first);
    PlannedOperation again = next();
    assertEquals(command(first), command(again), "a step whose client gave up is sent again");
    hosts.answered(again);
    PlannedOperation second = next();
    assertEquals(new VmCommand.MigrateVm("v3", null), command(second));
    hosts.answered(second);
    assertFalse(hosts.membershipSettled());
    PlannedOperation fail = next();
    assertEquals(new VmCommand.FailHost("h-1"), command(fail));
    hosts.answered(fail);
    hosts.answered(register2);
    assertTrue(hosts.membershipSettled());
    assertFalse(hosts.hasMembershipWork());
    HostMembership m = hosts.hostMembership();
    assertEquals(List.of(1, 2), m.everMembers());
    assertEquals(List.of(1, 2), m.registered());
    assertEquals(List.of(1), m.retired());
    assertEquals(List.of(), m.departing());
  }

  @Test
  void aNodeThatNeverJoinedHasNoHostToRetireAndAJoinCountsOnce() {
    hosts.bootstrapped(new int[] {1});
    hosts.left(4);
    hosts.joined(1);
    PlannedOperation register = next();
    assertNull(next());
    hosts.answered(register);
    assertTrue(hosts.membershipSettled());
    assertEquals(List.of(1), hosts.hostMembership().everMembers());
  }
}
