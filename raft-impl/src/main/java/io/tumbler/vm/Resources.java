package io.tumbler.vm;

/**
 * An amount of the two resources the placement policy accounts for: virtual CPUs and memory.
 * Used for a host's capacity, a host's reservations and a VM's size.
 *
 * <p>Both amounts are bounded ({@link #MAX_VCPUS}, {@link #MAX_MEMORY_MIB}) so that sums over any
 * realistic fleet cannot overflow a {@code long}, and never negative: subtracting more than is there
 * is a bug in the caller and throws.
 *
 * @param vcpus     virtual CPUs, {@code 0..MAX_VCPUS}
 * @param memoryMib memory in MiB, {@code 0..MAX_MEMORY_MIB}
 */
public record Resources(int vcpus, long memoryMib) {
    /** Largest vCPU count a host or VM may declare (about a million). */
    public static final int MAX_VCPUS = 1 << 20;
    /** Largest memory a host or VM may declare: 1 EiB expressed in MiB. */
    public static final long MAX_MEMORY_MIB = 1L << 40;
    /** No resources: the reservation of an empty host. */
    public static final Resources NONE = new Resources(0, 0);

    public Resources {
        if (vcpus < 0 || vcpus > MAX_VCPUS) {
            throw new IllegalArgumentException("vcpus must be in 0.." + MAX_VCPUS + ", got " + vcpus);
        }
        if (memoryMib < 0 || memoryMib > MAX_MEMORY_MIB) {
            throw new IllegalArgumentException("memoryMib must be in 0.." + MAX_MEMORY_MIB + ", got " + memoryMib);
        }
    }

    /** Whether both amounts are at least one: the requirement for a host's capacity and a VM's size. */
    public boolean isPositive() {
        return vcpus > 0 && memoryMib > 0;
    }

    /** Whether this amount fits in {@code available}, resource by resource. */
    public boolean fitsWithin(Resources available) {
        return vcpus <= available.vcpus && memoryMib <= available.memoryMib;
    }

    /** The sum; throws if it exceeds the bounds (the caller checked capacity first). */
    public Resources plus(Resources other) {
        return new Resources(Math.addExact(vcpus, other.vcpus), memoryMib + other.memoryMib);
    }

    /** The difference; throws if either resource would go negative. */
    public Resources minus(Resources other) {
        return new Resources(vcpus - other.vcpus, memoryMib - other.memoryMib);
    }

    @Override
    public String toString() {
        return vcpus + "vcpu/" + memoryMib + "MiB";
    }
}
