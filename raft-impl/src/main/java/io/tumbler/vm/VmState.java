package io.tumbler.vm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole replicated state: hosts, VMs and the path store, each kept in id (or path) order, which is
 * the canonical order of snapshots and list results.
 *
 * <p>Outside this package the state is read-only: only the command appliers in this package change it.
 * It is a live view of one {@link VmStateMachine} and is replaced wholesale by a restore.
 *
 * <p>The digest is maintained incrementally as a sum (mod 2<sup>64</sup>) of per-record hashes: adding a
 * record adds its hash, replacing one swaps hashes. A sum does not depend on the order of the terms, so
 * two states holding the same records have the same digest whatever their histories, and the digest costs
 * O(1) per change instead of a pass over the state. {@link VmInvariants} compares it with a recomputation.
 */
public final class VmState {
    private final TreeMap<String, Host> hosts = new TreeMap<>();
    private final TreeMap<String, Vm> vms = new TreeMap<>();
    private final PathStore paths = new PathStore();
    private long hostDigestSum;
    private long vmDigestSum;

    VmState() {}

    /** The host with this id, if registered. */
    public Optional<Host> host(String hostId) {
        return Optional.ofNullable(hosts.get(hostId));
    }

    /** The VM with this id, if it exists. */
    public Optional<Vm> vm(String vmId) {
        return Optional.ofNullable(vms.get(vmId));
    }

    /** Every host in id order (unmodifiable live view). */
    public Collection<Host> hosts() {
        return Collections.unmodifiableCollection(hosts.values());
    }

    /** Every VM in id order (unmodifiable live view). */
    public Collection<Vm> vms() {
        return Collections.unmodifiableCollection(vms.values());
    }

    /** The VMs placed on {@code hostId}, in id order. A scan: fleets here are hundreds, not millions. */
    public List<Vm> vmsOn(String hostId) {
        List<Vm> placed = new ArrayList<>();
        for (Vm vm : vms.values()) {
            if (hostId.equals(vm.hostId())) {
                placed.add(vm);
            }
        }
        return placed;
    }

    /** The path store. */
    public PathStore paths() {
        return paths;
    }

    /** The state digest: equal states (same hosts, VMs, keys and store revision) give equal digests. */
    public long digest() {
        return combine(hostDigestSum, vmDigestSum, paths.digestSum(), paths.revision());
    }

    /** The digest computed from scratch, for {@link VmInvariants} to compare with {@link #digest()}. */
    long recomputeDigest() {
        long hostSum = 0;
        for (Host host : hosts.values()) {
            hostSum += host.digest();
        }
        long vmSum = 0;
        for (Vm vm : vms.values()) {
            vmSum += vm.digest();
        }
        return combine(hostSum, vmSum, paths.recomputeDigestSum(), paths.revision());
    }

    void putHost(Host host) {
        Host previous = hosts.put(host.id(), host);
        hostDigestSum += host.digest() - (previous == null ? 0 : previous.digest());
    }

    void putVm(Vm vm) {
        Vm previous = vms.put(vm.id(), vm);
        vmDigestSum += vm.digest() - (previous == null ? 0 : previous.digest());
    }

    void removeVm(String vmId) {
        Vm previous = vms.remove(vmId);
        if (previous == null) {
            throw new IllegalStateException("removing vm " + vmId + " which does not exist");
        }
        vmDigestSum -= previous.digest();
    }

    /** The raw host map, for the invariant checker (and for tests that build broken states on purpose). */
    NavigableMap<String, Host> hostMap() {
        return hosts;
    }

    /** The raw VM map, for the invariant checker (and for tests that build broken states on purpose). */
    NavigableMap<String, Vm> vmMap() {
        return vms;
    }

    private static long combine(long hostSum, long vmSum, long pathSum, long pathRevision) {
        return StateDigest.start(StateDigest.STATE).add(hostSum).add(vmSum).add(pathSum).add(pathRevision).value();
    }
}
