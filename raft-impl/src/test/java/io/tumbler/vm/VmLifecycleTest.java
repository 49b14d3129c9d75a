package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VmLifecycleTest {
    private final VmStateMachine machine = VmStateMachine.withInvariantChecks();

    private VmResult apply(VmCommand command) {
        return machine.apply(command);
    }

    private Vm vm(String id) {
        return machine.state().vm(id).orElseThrow();
    }

    private Resources reserved(String hostId) {
        return machine.state().host(hostId).orElseThrow().reserved();
    }

    private static VmResult rejected(RejectReason reason, String subject) {
        return new VmResult.Rejected(reason, subject);
    }

    @BeforeEach
    void twoHosts() {
        apply(new VmCommand.RegisterHost("h1", new Resources(4, 4096)));
        apply(new VmCommand.RegisterHost("h2", new Resources(8, 2048)));
    }

    @Test
    void createPlacesStoppedByBestFitAndReserves() {
        VmResult created = apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        // h2 leaves 1024 MiB free, h1 would leave 3072: best fit by memory picks h2.
        assertEquals(new VmResult.VmInfo(new Vm("vm1", new Resources(1, 1024), VmStatus.STOPPED, "h2")), created);
        assertEquals(new Resources(1, 1024), reserved("h2"));
        assertEquals(Resources.NONE, reserved("h1"));
    }

    @Test
    void createRefusesADuplicateIdWithoutTouchingTheExistingVm() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        assertEquals(rejected(RejectReason.VM_EXISTS, "vm1"), apply(new VmCommand.CreateVm("vm1", new Resources(2, 512))));
        assertEquals(new Resources(1, 1024), vm("vm1").size());
    }

    @Test
    void createAnswersNoCapacityWhenNoHostFitsEitherResource() {
        assertEquals(new VmResult.NoCapacity(new Resources(9, 16)), apply(new VmCommand.CreateVm("big-cpu", new Resources(9, 16))));
        assertEquals(new VmResult.NoCapacity(new Resources(1, 4097)),
                apply(new VmCommand.CreateVm("big-mem", new Resources(1, 4097))));
        assertTrue(machine.state().vms().isEmpty());
    }

    @Test
    void createFillsHostsExactlyAndThenRunsOutOfCapacity() {
        assertTrue(apply(new VmCommand.CreateVm("a", new Resources(4, 4096))).isOk());
        assertTrue(apply(new VmCommand.CreateVm("b", new Resources(8, 2048))).isOk());
        assertEquals(new VmResult.NoCapacity(new Resources(1, 1)), apply(new VmCommand.CreateVm("c", new Resources(1, 1))));
        assertEquals(new Resources(4, 4096), reserved("h1"));
        assertEquals(new Resources(8, 2048), reserved("h2"));
    }

    @Test
    void startAndStopFollowTheLifecycle() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 512)));
        assertEquals(rejected(RejectReason.VM_STOPPED, "vm1"), apply(new VmCommand.StopVm("vm1")));
        assertEquals(VmStatus.RUNNING, ((VmResult.VmInfo) apply(new VmCommand.StartVm("vm1"))).vm().status());
        assertEquals(rejected(RejectReason.VM_RUNNING, "vm1"), apply(new VmCommand.StartVm("vm1")));
        assertEquals(VmStatus.STOPPED, ((VmResult.VmInfo) apply(new VmCommand.StopVm("vm1"))).vm().status());
    }

    @Test
    void startStopAndDeleteOfAnUnknownOrDeletedVmAreRefused() {
        assertEquals(rejected(RejectReason.UNKNOWN_VM, "vm1"), apply(new VmCommand.StartVm("vm1")));
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 512)));
        apply(new VmCommand.DeleteVm("vm1"));
        assertEquals(rejected(RejectReason.UNKNOWN_VM, "vm1"), apply(new VmCommand.StartVm("vm1")));
        assertEquals(rejected(RejectReason.UNKNOWN_VM, "vm1"), apply(new VmCommand.StopVm("vm1")));
        assertEquals(rejected(RejectReason.UNKNOWN_VM, "vm1"), apply(new VmCommand.DeleteVm("vm1")));
        assertEquals(rejected(RejectReason.UNKNOWN_VM, "vm1"), apply(new VmCommand.MigrateVm("vm1", null)));
    }

    @Test
    void startAndStopOfAFailedVmAreRefused() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.FailHost("h2"));
        assertEquals(rejected(RejectReason.VM_FAILED, "vm1"), apply(new VmCommand.StartVm("vm1")));
        assertEquals(rejected(RejectReason.VM_FAILED, "vm1"), apply(new VmCommand.StopVm("vm1")));
    }

    @Test
    void deleteReleasesTheReservationAndFreesTheId() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.StartVm("vm1"));
        VmResult deleted = apply(new VmCommand.DeleteVm("vm1"));
        assertEquals(new VmResult.VmDeleted(new Vm("vm1", new Resources(1, 1024), VmStatus.RUNNING, "h2")), deleted);
        assertEquals(Resources.NONE, reserved("h2"));
        assertTrue(apply(new VmCommand.CreateVm("vm1", new Resources(2, 2048))).isOk(), "a deleted id can be reused");
    }

    @Test
    void deleteOfAFailedVmReleasesNothing() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.FailHost("h2"));
        assertTrue(apply(new VmCommand.DeleteVm("vm1")).isOk());
        assertTrue(machine.state().vms().isEmpty());
    }

    @Test
    void migrateToANamedHostMovesTheReservationAndKeepsARunningVmRunning() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.StartVm("vm1"));
        VmResult moved = apply(new VmCommand.MigrateVm("vm1", "h1"));
        assertEquals(new VmResult.VmInfo(new Vm("vm1", new Resources(1, 1024), VmStatus.RUNNING, "h1")), moved);
        assertEquals(new Resources(1, 1024), reserved("h1"));
        assertEquals(Resources.NONE, reserved("h2"));
    }

    @Test
    void migrateWithoutATargetLetsThePolicyChooseAnotherHost() {
        apply(new VmCommand.RegisterHost("h3", new Resources(4, 1536)));
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        assertEquals("h3", vm("vm1").hostId(), "h3 leaves 512 MiB: the tightest fit");
        VmResult moved = apply(new VmCommand.MigrateVm("vm1", null));
        assertEquals("h2", ((VmResult.VmInfo) moved).vm().hostId(), "excluding h3, h2 (1024 left) beats h1 (3072 left)");
    }

    @Test
    void migrateRefusesUnknownSameDrainingAndFailedTargets() {
        apply(new VmCommand.RegisterHost("h3", new Resources(8, 8192)));
        apply(new VmCommand.RegisterHost("h4", new Resources(8, 8192)));
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.DrainHost("h3"));
        apply(new VmCommand.FailHost("h4"));
        assertEquals(rejected(RejectReason.UNKNOWN_HOST, "h9"), apply(new VmCommand.MigrateVm("vm1", "h9")));
        assertEquals(rejected(RejectReason.SAME_HOST, "h2"), apply(new VmCommand.MigrateVm("vm1", "h2")));
        assertEquals(rejected(RejectReason.HOST_DRAINING, "h3"), apply(new VmCommand.MigrateVm("vm1", "h3")));
        assertEquals(rejected(RejectReason.HOST_FAILED, "h4"), apply(new VmCommand.MigrateVm("vm1", "h4")));
        assertEquals("h2", vm("vm1").hostId());
    }

    @Test
    void migrateChecksCapacityOnTheTargetAndChangesNothingWhenItLacksRoom() {
        apply(new VmCommand.CreateVm("big", new Resources(4, 2048)));
        assertEquals("h2", vm("big").hostId());
        apply(new VmCommand.CreateVm("filler", new Resources(1, 3072)));
        assertEquals("h1", vm("filler").hostId());
        assertEquals(new VmResult.NoCapacity(new Resources(4, 2048)), apply(new VmCommand.MigrateVm("big", "h1")));
        assertEquals(new VmResult.NoCapacity(new Resources(4, 2048)), apply(new VmCommand.MigrateVm("big", null)));
        assertEquals(new Resources(4, 2048), reserved("h2"));
    }

    @Test
    void migrateOfAFailedVmPlacesItAgainAsStopped() {
        apply(new VmCommand.CreateVm("vm1", new Resources(1, 1024)));
        apply(new VmCommand.StartVm("vm1"));
        apply(new VmCommand.FailHost("h2"));
        VmResult moved = apply(new VmCommand.MigrateVm("vm1", null));
        assertEquals(new VmResult.VmInfo(new Vm("vm1", new Resources(1, 1024), VmStatus.STOPPED, "h1")), moved);
        assertEquals(new Resources(1, 1024), reserved("h1"));
    }

    @Test
    void refusedCommandsAreNotOk() {
        assertFalse(apply(new VmCommand.CreateVm("x", new Resources(100, 1))).isOk());
        assertFalse(apply(new VmCommand.StartVm("x")).isOk());
    }
}
