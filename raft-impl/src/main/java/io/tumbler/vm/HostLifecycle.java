package io.tumbler.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies the host commands (register, drain, fail, recover); see {@link HostState} for the transitions. */
final class HostLifecycle {
    private HostLifecycle() {}

    static VmResult register(VmState state, VmCommand.RegisterHost command) {
        if (state.host(command.hostId()).isPresent()) {
            return new VmResult.Rejected(RejectReason.HOST_EXISTS, command.hostId());
        }
        Host host = Host.registered(command.hostId(), command.capacity());
        state.putHost(host);
        return new VmResult.HostInfo(host);
    }

    static VmResult drain(VmState state, VmCommand.DrainHost command) {
        Optional<Host> found = state.host(command.hostId());
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_HOST, command.hostId());
        }
        Host host = found.get();
        if (host.state() != HostState.ACTIVE) {
            return new VmResult.Rejected(notActiveReason(host.state()), host.id());
        }
        Host drained = host.withState(HostState.DRAINING);
        state.putHost(drained);
        return new VmResult.HostInfo(drained);
    }

    /** The documented rule: the host's VMs become FAILED and unplaced, and its reservations are released. */
    static VmResult fail(VmState state, VmCommand.FailHost command) {
        Optional<Host> found = state.host(command.hostId());
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_HOST, command.hostId());
        }
        Host host = found.get();
        if (host.state() == HostState.FAILED) {
            return new VmResult.Rejected(RejectReason.HOST_FAILED, host.id());
        }
        List<String> failedVmIds = new ArrayList<>();
        for (Vm vm : state.vmsOn(host.id())) {
            state.putVm(vm.unplacedAs(VmStatus.FAILED));
            failedVmIds.add(vm.id());
        }
        Host failed = host.withState(HostState.FAILED).withReserved(Resources.NONE);
        state.putHost(failed);
        return new VmResult.HostFailed(failed, failedVmIds);
    }

    static VmResult recover(VmState state, VmCommand.RecoverHost command) {
        Optional<Host> found = state.host(command.hostId());
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_HOST, command.hostId());
        }
        Host host = found.get();
        if (host.state() == HostState.ACTIVE) {
            return new VmResult.Rejected(RejectReason.HOST_ACTIVE, host.id());
        }
        Host active = host.withState(HostState.ACTIVE);
        state.putHost(active);
        return new VmResult.HostInfo(active);
    }

    /** Why a host that is not active refuses new work. */
    static RejectReason notActiveReason(HostState hostState) {
        assert hostState != HostState.ACTIVE;
        return hostState == HostState.DRAINING ? RejectReason.HOST_DRAINING : RejectReason.HOST_FAILED;
    }
}
