package io.tumbler.vm;

import java.util.Optional;

/**
 * The deterministic placement policy: <b>best fit by memory</b>.
 *
 * <p>Among the hosts that are {@link HostState#ACTIVE} and have at least the requested vCPUs and memory
 * free (and are not the excluded host, for a migration), pick the one that would have the <em>least
 * memory left</em> after placement; break ties by the least vCPUs left, then by the smallest host id.
 *
 * <p>Why best fit: it packs VMs onto already busy hosts and keeps large holes open for large VMs, and
 * memory is what runs out first on microVM hosts (vCPUs are usually overcommitted by the hypervisor,
 * memory is not). Why it must be a pure function of the state: every replica places every VM itself,
 * and they must all choose the same host.
 */
public final class PlacementPolicy {
    private PlacementPolicy() {}

    /**
     * The host to place {@code size} on, or empty when none fits.
     *
     * @param hosts          candidates, in any order (the choice does not depend on it)
     * @param size           what the VM needs
     * @param excludedHostId a host not to choose (the VM's current host), or null
     */
    public static Optional<Host> choose(Iterable<Host> hosts, Resources size, String excludedHostId) {
        Host best = null;
        for (Host candidate : hosts) {
            if (candidate.canPlace(size) && !candidate.id().equals(excludedHostId)
                    && (best == null || fitsTighter(candidate, best, size))) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether placing {@code size} on {@code a} leaves less room than on {@code b} (ties: smaller id). */
    private static boolean fitsTighter(Host a, Host b, Resources size) {
        Resources leftA = a.free().minus(size);
        Resources leftB = b.free().minus(size);
        if (leftA.memoryMib() != leftB.memoryMib()) {
            return leftA.memoryMib() < leftB.memoryMib();
        }
        if (leftA.vcpus() != leftB.vcpus()) {
            return leftA.vcpus() < leftB.vcpus();
        }
        return a.id().compareTo(b.id()) < 0;
    }
}
