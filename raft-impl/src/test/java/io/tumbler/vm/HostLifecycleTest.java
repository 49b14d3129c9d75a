package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostLifecycleTest {
    private final VmStateMachine machine = VmStateMachine.withInvariantChecks();

    private VmResult apply(VmCommand command) {
        return machine.apply(command);
    }

    private static VmResult rejected(RejectReason reason, String subject) {
        return new VmResult.Rejected(reason, subject);
    }

    @Test
    void registerAddsAnActiveEmptyHostAndRefusesADuplicate() {
        VmResult first = apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        assertEquals(new VmResult.HostInfo(new Host("h1", new Resources(8, 4096), Resources.NONE, HostState.ACTIVE)),
                first);
        assertEquals(rejected(RejectReason.HOST_EXISTS, "h1"), apply(new VmCommand.RegisterHost("h1", new Resources(1, 1))));
        assertEquals(new Resources(8, 4096), machine.state().host("h1").orElseThrow().capacity(),
                "a refused re-register must not change the capacity");
    }

    @Test
    void drainKeepsVmsButStopsNewPlacements() {
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 512)));
        VmResult drained = apply(new VmCommand.DrainHost("h1"));
        assertEquals(HostState.DRAINING, ((VmResult.HostInfo) drained).host().state());
        assertEquals("h1", machine.state().vm("vm1").orElseThrow().hostId());
        assertEquals(new VmResult.NoCapacity(new Resources(1, 512)), apply(new VmCommand.CreateVm("vm2", new Resources(1, 512))));
        assertTrue(apply(new VmCommand.StartVm("vm1")).isOk(), "a VM already on a draining host may still start");
    }

    @Test
    void drainRefusesUnknownDrainingAndFailedHosts() {
        assertEquals(rejected(RejectReason.UNKNOWN_HOST, "h1"), apply(new VmCommand.DrainHost("h1")));
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        apply(new VmCommand.DrainHost("h1"));
        assertEquals(rejected(RejectReason.HOST_DRAINING, "h1"), apply(new VmCommand.DrainHost("h1")));
        apply(new VmCommand.FailHost("h1"));
        assertEquals(rejected(RejectReason.HOST_FAILED, "h1"), apply(new VmCommand.DrainHost("h1")));
    }

    @Test
    void failUnplacesEveryVmOnTheHostAsFailedAndReleasesItsReservations() {
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        apply(new VmCommand.RegisterHost("h2", new Resources(8, 8192)));
        apply(new VmCommand.CreateVm("vm1", new Resources(2, 1024)));
        apply(new VmCommand.CreateVm("vm2", new Resources(2, 1024)));
        apply(new VmCommand.StartVm("vm2"));
        apply(new VmCommand.MigrateVm("vm1", "h2"));

        VmResult result = apply(new VmCommand.FailHost("h1"));

        Host failed = new Host("h1", new Resources(8, 4096), Resources.NONE, HostState.FAILED);
        assertEquals(new VmResult.HostFailed(failed, List.of("vm2")), result);
        assertEquals(new Vm("vm2", new Resources(2, 1024), VmStatus.FAILED, null), machine.state().vm("vm2").orElseThrow());
        assertEquals(VmStatus.STOPPED, machine.state().vm("vm1").orElseThrow().status(), "vm1 was on h2, untouched");
        assertEquals(new Resources(2, 1024), machine.state().host("h2").orElseThrow().reserved());
    }

    @Test
    void failRefusesUnknownAndAlreadyFailedHosts() {
        assertEquals(rejected(RejectReason.UNKNOWN_HOST, "h1"), apply(new VmCommand.FailHost("h1")));
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        assertTrue(apply(new VmCommand.FailHost("h1")).isOk());
        assertEquals(rejected(RejectReason.HOST_FAILED, "h1"), apply(new VmCommand.FailHost("h1")));
    }

    @Test
    void recoverBringsAFailedHostBackEmptyAndLeavesItsFormerVmsFailed() {
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        apply(new VmCommand.CreateVm("vm1", new Resources(2, 1024)));
        apply(new VmCommand.FailHost("h1"));
        VmResult recovered = apply(new VmCommand.RecoverHost("h1"));
        assertEquals(new VmResult.HostInfo(new Host("h1", new Resources(8, 4096), Resources.NONE, HostState.ACTIVE)),
                recovered);
        assertEquals(VmStatus.FAILED, machine.state().vm("vm1").orElseThrow().status());
        assertTrue(apply(new VmCommand.MigrateVm("vm1", "h1")).isOk(), "a failed VM can be placed on the recovered host");
    }

    @Test
    void recoverUndrainsADrainingHostAndRefusesAnActiveOrUnknownOne() {
        assertEquals(rejected(RejectReason.UNKNOWN_HOST, "h1"), apply(new VmCommand.RecoverHost("h1")));
        apply(new VmCommand.RegisterHost("h1", new Resources(8, 4096)));
        assertEquals(rejected(RejectReason.HOST_ACTIVE, "h1"), apply(new VmCommand.RecoverHost("h1")));
        apply(new VmCommand.DrainHost("h1"));
        assertTrue(apply(new VmCommand.RecoverHost("h1")).isOk());
        assertTrue(apply(new VmCommand.CreateVm("vm1", new Resources(1, 1))).isOk(), "active again: accepts placements");
    }

    @Test
    void refusalsAreNotOkAndSuccessesAre() {
        assertFalse(apply(new VmCommand.DrainHost("nope")).isOk());
        assertTrue(apply(new VmCommand.RegisterHost("h1", new Resources(1, 1))).isOk());
    }
}
