package io.tumbler.lin.model;

import static io.tumbler.lin.testing.HistoryScript.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.lin.Checker;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.vm.VmModel;
import io.tumbler.lin.testing.HistoryScript;
import org.junit.jupiter.api.Test;

/** The vm model's client-visible semantics: capacity, placement without a policy, refusals, lifecycle. */
class VmModelTest {
  private static final Checker CHECKER = Checker.withDefaults();

  private static Verdict check(HistoryScript script) {
    return CHECKER.check(new VmModel(), script.build()).verdict();
  }

  private static HistoryScript withHosts() {
    return new HistoryScript()
        .call(0, "register-host", object("host", "h1", "vcpus", 4L, "memoryMib", 8192L))
        .call(0, "register-host", object("host", "h2", "vcpus", 2L, "memoryMib", 4096L));
  }

  private static Object vm(String id, long vcpus) {
    return object("vm", id, "vcpus", vcpus, "memoryMib", 1024L);
  }

  private static Object placed(String id, long vcpus, String host) {
    return object("vm", id, "vcpus", vcpus, "memoryMib", 1024L, "host", host);
  }

  @Test
  void placementsWithinCapacityAndAJustifiedNoCapacityAreValid() {
    assertEquals(Verdict.VALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 3)).ok(1, placed("a", 3, "h1"))
        .invoke(1, "create-vm", vm("b", 2)).ok(1, placed("b", 2, "h2"))
        .invoke(1, "create-vm", vm("c", 2)).fail(1, "no-capacity")));
  }

  @Test
  void overCommittingAHostIsInvalid() {
    assertEquals(Verdict.INVALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 3)).ok(1, placed("a", 3, "h1"))
        .invoke(1, "create-vm", vm("b", 2)).ok(1, placed("b", 2, "h1"))));
  }

  @Test
  void noCapacityWhileAHostHadRoomIsInvalid() {
    assertEquals(Verdict.INVALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 1)).fail(1, "no-capacity")));
  }

  @Test
  void concurrentCreatesCannotBothTakeTheLastRoom() {
    HistoryScript both = withHosts()
        .invoke(1, "create-vm", vm("a", 3)).invoke(2, "create-vm", vm("b", 3))
        .ok(1, placed("a", 3, "h1")).ok(2, placed("b", 3, "h1"));
    assertEquals(Verdict.INVALID, check(both));
    HistoryScript oneRefused = withHosts()
        .invoke(1, "create-vm", vm("a", 3)).invoke(2, "create-vm", vm("b", 3))
        .ok(1, placed("a", 3, "h1")).fail(2, "no-capacity");
    assertEquals(Verdict.VALID, check(oneRefused));
  }

  @Test
  void anIndeterminateCreateMayHaveLandedOnAnyHostWithRoom() {
    HistoryScript onH2 = withHosts().invoke(1, "create-vm", vm("a", 2)).info(1)
        .invoke(2, "get-vm", object("vm", "a")).ok(2, object("vm", "a", "status", "stopped", "host", "h2"));
    assertEquals(Verdict.VALID, check(onH2));
    HistoryScript onUnknownHost = withHosts().invoke(1, "create-vm", vm("a", 2)).info(1)
        .invoke(2, "get-vm", object("vm", "a")).ok(2, object("vm", "a", "status", "stopped", "host", "h9"));
    assertEquals(Verdict.INVALID, check(onUnknownHost));
    HistoryScript neverHappened = withHosts().invoke(1, "create-vm", vm("a", 2)).info(1)
        .invoke(2, "get-vm", object("vm", "a")).fail(2, "not-found");
    assertEquals(Verdict.VALID, check(neverHappened));
  }

  @Test
  void aFailedHostFailsItsVmsAndMigrationPlacesThemAgain() {
    HistoryScript script = withHosts()
        .invoke(1, "create-vm", vm("a", 2)).ok(1, placed("a", 2, "h1"))
        .call(1, "start-vm", object("vm", "a"))
        .call(0, "fail-host", object("host", "h1"))
        .invoke(2, "get-vm", object("vm", "a")).ok(2, object("vm", "a", "status", "failed", "host", null))
        .invoke(1, "migrate-vm", object("vm", "a")).ok(1, object("vm", "a", "host", "h2"))
        .invoke(2, "get-vm", object("vm", "a")).ok(2, object("vm", "a", "status", "stopped", "host", "h2"))
        .invoke(2, "get-host", object("host", "h2")).ok(2, object("host", "h2", "state", "active", "reservedVcpus", 2L));
    assertEquals(Verdict.VALID, check(script));
  }

  @Test
  void aStaleStatusReadIsInvalid() {
    assertEquals(Verdict.INVALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 2)).ok(1, placed("a", 2, "h1"))
        .call(1, "start-vm", object("vm", "a"))
        .invoke(2, "get-vm", object("vm", "a")).ok(2, object("vm", "a", "status", "stopped"))));
  }

  @Test
  void aDrainingHostTakesNoNewVms() {
    assertEquals(Verdict.INVALID, check(withHosts()
        .call(0, "drain-host", object("host", "h1"))
        .invoke(1, "create-vm", vm("a", 1)).ok(1, placed("a", 1, "h1"))));
  }

  @Test
  void aFailureThatIsNotARefusalDidNotHappen() {
    assertEquals(Verdict.VALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 1)).fail(1, "not-leader")
        .invoke(2, "get-vm", object("vm", "a")).fail(2, "not-found")
        .invoke(1, "delete-vm", object("vm", "a")).fail(1, "not-found")));
  }

  @Test
  void refusingToCreateAnExistingVmNeedsItToExist() {
    assertEquals(Verdict.INVALID, check(withHosts()
        .invoke(1, "create-vm", vm("a", 1)).fail(1, "exists")));
  }
}
