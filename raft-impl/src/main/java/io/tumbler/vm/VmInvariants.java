package io.tumbler.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a {@link VmState} against every {@link VmInvariant}. Pure and read-only; the harness calls it
 * on every replica after every apply, and {@link VmStateMachine} calls it itself in checking mode.
 * Reports every breach found (not just the first), in a deterministic order: by invariant group, then
 * by id or path. Cost: one pass over hosts, VMs and path entries.
 */
public final class VmInvariants {
    private VmInvariants() {}

    /** Every breach in {@code state}; empty when the state is sound. */
    public static List<Violation> check(VmState state) {
        List<Violation> violations = new ArrayList<>();
        checkFiling(state, violations);
        checkPlacements(state, violations);
        checkReservations(state, violations);
        checkPaths(state.paths(), violations);
        long recomputed = state.recomputeDigest();
        if (recomputed != state.digest()) {
            violations.add(new Violation(VmInvariant.DIGEST_CONSISTENT, "state", "maintained digest "
                    + Long.toHexString(state.digest()) + " but the records hash to " + Long.toHexString(recomputed)));
        }
        return violations;
    }

    private static void checkFiling(VmState state, List<Violation> out) {
        for (Map.Entry<String, Host> e : state.hostMap().entrySet()) {
            if (!e.getKey().equals(e.getValue().id())) {
                out.add(new Violation(VmInvariant.RECORDS_FILED_BY_ID, e.getKey(), "holds host " + e.getValue().id()));
            }
        }
        for (Map.Entry<String, Vm> e : state.vmMap().entrySet()) {
            if (!e.getKey().equals(e.getValue().id())) {
                out.add(new Violation(VmInvariant.RECORDS_FILED_BY_ID, e.getKey(), "holds vm " + e.getValue().id()));
            }
        }
        for (Map.Entry<String, PathEntry> e : state.paths().entryMap().entrySet()) {
            if (!e.getKey().equals(e.getValue().path())) {
                out.add(new Violation(VmInvariant.RECORDS_FILED_BY_ID, e.getKey(), "holds " + e.getValue().path()));
            }
        }
    }

    private static void checkPlacements(VmState state, List<Violation> out) {
        for (Vm vm : state.vms()) {
            Host host = vm.hostId() == null ? null : state.hostMap().get(vm.hostId());
            if (vm.status().isLive() && (host == null || !host.state().isLive())) {
                String where = vm.hostId() == null ? "is unplaced"
                        : host == null ? "is on unregistered host " + vm.hostId() : "is on failed host " + host.id();
                out.add(new Violation(VmInvariant.LIVE_VM_ON_LIVE_HOST, vm.id(), vm.status() + " vm " + where));
            }
            if (!vm.status().isLive() && vm.hostId() != null) {
                out.add(new Violation(VmInvariant.FAILED_VM_UNPLACED, vm.id(), "failed vm is on host " + vm.hostId()));
            }
            if (host != null && host.state() == HostState.FAILED) {
                out.add(new Violation(VmInvariant.NO_VM_ON_FAILED_HOST, vm.id(), "placed on failed host " + host.id()));
            }
        }
    }

    private static void checkReservations(VmState state, List<Violation> out) {
        Map<String, long[]> placedByHost = new TreeMap<>();
        for (Vm vm : state.vms()) {
            if (vm.hostId() != null) {
                long[] sum = placedByHost.computeIfAbsent(vm.hostId(), id -> new long[2]);
                sum[0] += vm.size().vcpus();
                sum[1] += vm.size().memoryMib();
            }
        }
        for (Host host : state.hosts()) {
            Resources reserved = host.reserved();
            if (reserved.vcpus() > host.capacity().vcpus() || reserved.memoryMib() > host.capacity().memoryMib()) {
                out.add(new Violation(VmInvariant.HOST_WITHIN_CAPACITY, host.id(),
                        "reserved " + reserved + " exceeds capacity " + host.capacity()));
            }
            long[] placed = placedByHost.getOrDefault(host.id(), new long[2]);
            if (placed[0] != reserved.vcpus() || placed[1] != reserved.memoryMib()) {
                out.add(new Violation(VmInvariant.RESERVATIONS_MATCH_PLACEMENTS, host.id(), "reserved " + reserved
                        + " but its vms sum to " + placed[0] + "vcpu/" + placed[1] + "MiB"));
            }
        }
    }

    private static void checkPaths(PathStore paths, List<Violation> out) {
        Map<Long, String> writerOfRevision = new TreeMap<>();
        for (PathEntry entry : paths.entryMap().values()) {
            if (entry.modRevision() > paths.revision()) {
                out.add(new Violation(VmInvariant.PATH_REVISIONS_CONSISTENT, entry.path(), "modRevision "
                        + entry.modRevision() + " is beyond the store revision " + paths.revision()));
            }
            if (entry.version() > entry.modRevision()) {
                out.add(new Violation(VmInvariant.PATH_REVISIONS_CONSISTENT, entry.path(), "version "
                        + entry.version() + " exceeds modRevision " + entry.modRevision()));
            }
            String other = writerOfRevision.putIfAbsent(entry.modRevision(), entry.path());
            if (other != null) {
                out.add(new Violation(VmInvariant.PATH_REVISIONS_CONSISTENT, entry.path(), "shares modRevision "
                        + entry.modRevision() + " with " + other));
            }
        }
    }
}
