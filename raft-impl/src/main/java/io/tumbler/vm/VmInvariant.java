package io.tumbler.vm;

/** The rules every reachable {@link VmState} obeys; {@link VmInvariants#check} reports breaches of each. */
public enum VmInvariant {
    /** No host has more reserved than its capacity, in vCPUs or in memory. */
    HOST_WITHIN_CAPACITY,
    /** A host's reservation equals the sum of the sizes of the VMs placed on it (a failed host's: none). */
    RESERVATIONS_MATCH_PLACEMENTS,
    /** Every stopped or running VM is placed on exactly one registered, live (active or draining) host. */
    LIVE_VM_ON_LIVE_HOST,
    /** A failed VM is unplaced. */
    FAILED_VM_UNPLACED,
    /** No VM, whatever its status, is placed on a failed host. */
    NO_VM_ON_FAILED_HOST,
    /** Each record is filed under its own id or path. */
    RECORDS_FILED_BY_ID,
    /** Path entries: modRevision within the store revision and unique, version at most modRevision. */
    PATH_REVISIONS_CONSISTENT,
    /** The incrementally maintained digest equals the digest recomputed from the records. */
    DIGEST_CONSISTENT
}
