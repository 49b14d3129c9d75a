package io.tumbler.vm;

import java.util.Optional;

/** Applies the VM commands (create, start, stop, delete, migrate); see {@link VmStatus} for the transitions. */
final class VmLifecycle {
    private VmLifecycle() {}

    static VmResult create(VmState state, VmCommand.CreateVm command) {
        if (state.vm(command.vmId()).isPresent()) {
            return new VmResult.Rejected(RejectReason.VM_EXISTS, command.vmId());
        }
        Optional<Host> chosen = PlacementPolicy.choose(state.hosts(), command.size(), null);
        if (chosen.isEmpty()) {
            return new VmResult.NoCapacity(command.size());
        }
        Vm vm = new Vm(command.vmId(), command.size(), VmStatus.STOPPED, chosen.get().id());
        reserve(state, chosen.get(), vm.size());
        state.putVm(vm);
        return new VmResult.VmInfo(vm);
    }

    static VmResult start(VmState state, VmCommand.StartVm command) {
        return changeStatus(state, command.vmId(), VmStatus.STOPPED, VmStatus.RUNNING, RejectReason.VM_RUNNING);
    }

    static VmResult stop(VmState state, VmCommand.StopVm command) {
        return changeStatus(state, command.vmId(), VmStatus.RUNNING, VmStatus.STOPPED, RejectReason.VM_STOPPED);
    }

    static VmResult delete(VmState state, VmCommand.DeleteVm command) {
        Optional<Vm> found = state.vm(command.vmId());
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_VM, command.vmId());
        }
        Vm vm = found.get();
        if (vm.isPlaced()) {
            release(state, vm);
        }
        state.removeVm(vm.id());
        return new VmResult.VmDeleted(vm);
    }

    static VmResult migrate(VmState state, VmCommand.MigrateVm command) {
        Optional<Vm> found = state.vm(command.vmId());
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_VM, command.vmId());
        }
        Vm vm = found.get();
        MigrationTarget target = command.targetHostId() == null
                ? chooseTarget(state, vm)
                : checkNamedTarget(state, vm, command.targetHostId());
        if (target.refusal() != null) {
            return target.refusal();
        }
        return new VmResult.VmInfo(move(state, vm, target.host()));
    }

    /** Either the host to move to or why there is none. */
    private record MigrationTarget(Host host, VmResult refusal) {}

    private static MigrationTarget chooseTarget(VmState state, Vm vm) {
        Optional<Host> chosen = PlacementPolicy.choose(state.hosts(), vm.size(), vm.hostId());
        return chosen.isPresent() ? new MigrationTarget(chosen.get(), null)
                : new MigrationTarget(null, new VmResult.NoCapacity(vm.size()));
    }

    private static MigrationTarget checkNamedTarget(VmState state, Vm vm, String targetHostId) {
        Optional<Host> found = state.host(targetHostId);
        VmResult refusal = null;
        if (found.isEmpty()) {
            refusal = new VmResult.Rejected(RejectReason.UNKNOWN_HOST, targetHostId);
        } else if (targetHostId.equals(vm.hostId())) {
            refusal = new VmResult.Rejected(RejectReason.SAME_HOST, targetHostId);
        } else if (found.get().state() != HostState.ACTIVE) {
            refusal = new VmResult.Rejected(HostLifecycle.notActiveReason(found.get().state()), targetHostId);
        } else if (!found.get().canPlace(vm.size())) {
            refusal = new VmResult.NoCapacity(vm.size());
        }
        return new MigrationTarget(refusal == null ? found.get() : null, refusal);
    }

    /** Moves the reservation and the VM in one step; a failed VM comes back stopped. */
    private static Vm move(VmState state, Vm vm, Host target) {
        if (vm.isPlaced()) {
            release(state, vm);
        }
        reserve(state, state.host(target.id()).orElseThrow(), vm.size());
        Vm moved = vm.placedOn(target.id(), vm.status() == VmStatus.FAILED ? VmStatus.STOPPED : vm.status());
        state.putVm(moved);
        return moved;
    }

    private static VmResult changeStatus(VmState state, String vmId, VmStatus from, VmStatus to,
                                         RejectReason alreadyThere) {
        Optional<Vm> found = state.vm(vmId);
        if (found.isEmpty()) {
            return new VmResult.Rejected(RejectReason.UNKNOWN_VM, vmId);
        }
        Vm vm = found.get();
        if (vm.status() == VmStatus.FAILED) {
            return new VmResult.Rejected(RejectReason.VM_FAILED, vmId);
        }
        if (vm.status() != from) {
            return new VmResult.Rejected(alreadyThere, vmId);
        }
        Vm changed = vm.withStatus(to);
        state.putVm(changed);
        return new VmResult.VmInfo(changed);
    }

    private static void reserve(VmState state, Host host, Resources size) {
        if (!host.canPlace(size)) {
            throw new IllegalStateException("placing " + size + " on " + host + " would over-commit it");
        }
        state.putHost(host.withReserved(host.reserved().plus(size)));
    }

    private static void release(VmState state, Vm vm) {
        Host host = state.host(vm.hostId())
                .orElseThrow(() -> new IllegalStateException("vm " + vm.id() + " is on unknown host " + vm.hostId()));
        state.putHost(host.withReserved(host.reserved().minus(vm.size())));
    }
}
