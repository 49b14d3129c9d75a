package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each invariant stays quiet on a sound state and fires on a state broken on purpose. */
class VmInvariantsTest {
    private static final Resources SMALL = new Resources(1, 512);

    /** A sound state: h1 active with vm1 running, h2 draining with vm2, h3 failed, vm3 failed, two keys. */
    private static VmStateMachine sound() {
        VmStateMachine machine = VmStateMachine.withInvariantChecks();
        machine.apply(new VmCommand.RegisterHost("h1", new Resources(4, 4096)));
        machine.apply(new VmCommand.RegisterHost("h2", new Resources(4, 2048)));
        machine.apply(new VmCommand.RegisterHost("h3", new Resources(4, 1024)));
        machine.apply(new VmCommand.CreateVm("vm3", SMALL));
        machine.apply(new VmCommand.FailHost("h3"));
        machine.apply(new VmCommand.CreateVm("vm2", SMALL));
        machine.apply(new VmCommand.DrainHost("h2"));
        machine.apply(new VmCommand.CreateVm("vm1", SMALL));
        machine.apply(new VmCommand.StartVm("vm1"));
        machine.apply(new VmCommand.PutPath("/a", Bytes.utf8("1")));
        machine.apply(new VmCommand.PutPath("/a/b", Bytes.utf8("2")));
        return machine;
    }

    private static List<VmInvariant> broken(VmState state) {
        return VmInvariants.check(state).stream().map(Violation::invariant).distinct().collect(Collectors.toList());
    }

    @Test
    void aSoundStateHasNoViolations() {
        VmState state = sound().state();
        assertEquals("h1", state.vm("vm1").orElseThrow().hostId());
        assertEquals("h2", state.vm("vm2").orElseThrow().hostId());
        assertEquals(VmStatus.FAILED, state.vm("vm3").orElseThrow().status());
        assertEquals(List.of(), VmInvariants.check(state));
    }

    @Test
    void overCommitFires() {
        VmState state = sound().state();
        Host h1 = state.host("h1").orElseThrow();
        state.putHost(h1.withReserved(new Resources(5, 512)));
        state.putVm(new Vm("vm1", new Resources(5, 512), VmStatus.RUNNING, "h1"));
        assertEquals(List.of(VmInvariant.HOST_WITHIN_CAPACITY), broken(state));
        assertEquals("HOST_WITHIN_CAPACITY h1: reserved 5vcpu/512MiB exceeds capacity 4vcpu/4096MiB",
                VmInvariants.check(state).get(0).toString());
    }

    @Test
    void aReservationThatDoesNotMatchThePlacementsFires() {
        VmState state = sound().state();
        state.putHost(state.host("h2").orElseThrow().withReserved(Resources.NONE));
        assertEquals(List.of(VmInvariant.RESERVATIONS_MATCH_PLACEMENTS), broken(state));
    }

    @Test
    void aLiveVmUnplacedOrOnAnUnknownHostFires() {
        VmState state = sound().state();
        state.putVm(new Vm("vm4", SMALL, VmStatus.STOPPED, null));
        state.putVm(new Vm("vm5", SMALL, VmStatus.STOPPED, "h9"));
        List<Violation> violations = VmInvariants.check(state);
        assertEquals(List.of("LIVE_VM_ON_LIVE_HOST vm4: STOPPED vm is unplaced",
                "LIVE_VM_ON_LIVE_HOST vm5: STOPPED vm is on unregistered host h9"),
                violations.stream().map(Violation::toString).collect(Collectors.toList()));
    }

    @Test
    void aVmOnAFailedHostFires() {
        VmState state = sound().state();
        state.putVm(new Vm("vm4", SMALL, VmStatus.RUNNING, "h3"));
        assertTrue(broken(state).containsAll(List.of(VmInvariant.LIVE_VM_ON_LIVE_HOST, VmInvariant.NO_VM_ON_FAILED_HOST,
                VmInvariant.RESERVATIONS_MATCH_PLACEMENTS)), broken(state).toString());
    }

    @Test
    void aPlacedFailedVmFires() {
        VmState state = sound().state();
        Vm vm3 = state.vm("vm3").orElseThrow();
        state.putVm(vm3.placedOn("h1", VmStatus.FAILED));
        state.putHost(state.host("h1").orElseThrow().withReserved(new Resources(2, 1024)));
        assertEquals(List.of(VmInvariant.FAILED_VM_UNPLACED), broken(state));
    }

    @Test
    void aRecordFiledUnderAnotherKeyFires() {
        VmState state = sound().state();
        state.hostMap().put("h0", new Host("h4", new Resources(1, 1), Resources.NONE, HostState.ACTIVE));
        assertTrue(broken(state).contains(VmInvariant.RECORDS_FILED_BY_ID));
    }

    @Test
    void inconsistentPathRevisionsFire() {
        VmState state = sound().state();
        state.paths().entryMap().put("/a/c", new PathEntry("/a/c", Bytes.EMPTY, 1, 2));
        state.paths().entryMap().put("/z", new PathEntry("/z", Bytes.EMPTY, 7, 99));
        List<String> details = VmInvariants.check(state).stream()
                .filter(v -> v.invariant() == VmInvariant.PATH_REVISIONS_CONSISTENT).map(Violation::toString)
                .collect(Collectors.toList());
        assertEquals(List.of("PATH_REVISIONS_CONSISTENT /a/c: shares modRevision 2 with /a/b",
                "PATH_REVISIONS_CONSISTENT /z: modRevision 99 is beyond the store revision 2"), details);
    }

    @Test
    void aDigestThatDriftedFromTheRecordsFires() {
        VmState state = sound().state();
        state.vmMap().put("vm1", state.vm("vm1").orElseThrow().withStatus(VmStatus.STOPPED));
        assertEquals(List.of(VmInvariant.DIGEST_CONSISTENT), broken(state));
    }

    @Test
    void checkingModeThrowsAtTheApplyThatBreaksAnInvariant() {
        VmStateMachine machine = sound();
        machine.state().putHost(machine.state().host("h1").orElseThrow().withReserved(Resources.NONE));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> machine.apply(new VmCommand.PutPath("/x", Bytes.EMPTY)));
        assertTrue(e.getMessage().startsWith("VM invariants broken after applying PutPath[path=/x"), e.getMessage());
        assertTrue(e.getMessage().contains("RESERVATIONS_MATCH_PLACEMENTS h1"), e.getMessage());
    }
}
