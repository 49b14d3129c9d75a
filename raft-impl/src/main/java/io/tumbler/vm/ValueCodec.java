package io.tumbler.vm;

/**
 * Wire forms of the state records, shared by results and snapshots:
 * <pre>
 *   resources  = varint vcpus, varint memoryMib
 *   host       = string id, resources capacity, resources reserved, u8 HostState.code
 *   vm         = string id, resources size, u8 VmStatus.code, optional-string hostId
 *   path entry = string path, bytes value, varint version, varint modRevision
 *   expectation= u8 tag (1 value: bytes | 2 version: varint | 3 modRevision: varint)
 * </pre>
 * Decoders build records through their constructors, so a decoded value obeys the same field rules as
 * one built in code; a violation surfaces as an {@link IllegalArgumentException} that the facade turns
 * into a {@link VmCodecException}.
 */
final class ValueCodec {
    private static final int EXPECT_VALUE = 1;
    private static final int EXPECT_VERSION = 2;
    private static final int EXPECT_MOD_REVISION = 3;

    private ValueCodec() {}

    static void writeResources(WireWriter out, Resources resources) {
        out.varLong(resources.vcpus()).varLong(resources.memoryMib());
    }

    static Resources readResources(WireReader in, String field) {
        int vcpus = in.varInt(field + ".vcpus", Resources.MAX_VCPUS);
        long memoryMib = in.varLong(field + ".memoryMib");
        return new Resources(vcpus, memoryMib);
    }

    static void writeHost(WireWriter out, Host host) {
        out.string(host.id());
        writeResources(out, host.capacity());
        writeResources(out, host.reserved());
        out.u8(host.state().code());
    }

    static Host readHost(WireReader in) {
        String id = in.string("host.id");
        Resources capacity = readResources(in, "host.capacity");
        Resources reserved = readResources(in, "host.reserved");
        int code = in.u8("host.state");
        HostState state = HostState.fromCode(code);
        if (state == null) {
            throw in.error("unknown host state code " + code);
        }
        return new Host(id, capacity, reserved, state);
    }

    static void writeVm(WireWriter out, Vm vm) {
        out.string(vm.id());
        writeResources(out, vm.size());
        out.u8(vm.status().code()).optionalString(vm.hostId());
    }

    static Vm readVm(WireReader in) {
        String id = in.string("vm.id");
        Resources size = readResources(in, "vm.size");
        int code = in.u8("vm.status");
        VmStatus status = VmStatus.fromCode(code);
        if (status == null) {
            throw in.error("unknown vm status code " + code);
        }
        return new Vm(id, size, status, in.optionalString("vm.hostId"));
    }

    static void writePathEntry(WireWriter out, PathEntry entry) {
        out.string(entry.path()).bytes(entry.value()).varLong(entry.version()).varLong(entry.modRevision());
    }

    static PathEntry readPathEntry(WireReader in) {
        String path = in.string("entry.path");
        Bytes value = in.bytes("entry.value");
        long version = in.varLong("entry.version");
        return new PathEntry(path, value, version, in.varLong("entry.modRevision"));
    }

    static void writeExpectation(WireWriter out, CasExpectation expected) {
        if (expected instanceof CasExpectation.Value value) {
            out.u8(EXPECT_VALUE).bytes(value.value());
        } else if (expected instanceof CasExpectation.Version version) {
            out.u8(EXPECT_VERSION).varLong(version.version());
        } else if (expected instanceof CasExpectation.ModRevision revision) {
            out.u8(EXPECT_MOD_REVISION).varLong(revision.modRevision());
        } else {
            throw new IllegalArgumentException("unknown expectation " + expected);
        }
    }

    static CasExpectation readExpectation(WireReader in) {
        int tag = in.u8("expectation tag");
        switch (tag) {
            case EXPECT_VALUE:
                return new CasExpectation.Value(in.bytes("expected value"));
            case EXPECT_VERSION:
                return new CasExpectation.Version(in.varLong("expected version"));
            case EXPECT_MOD_REVISION:
                return new CasExpectation.ModRevision(in.varLong("expected modRevision"));
            default:
                throw in.error("unknown expectation tag " + tag);
        }
    }
}
