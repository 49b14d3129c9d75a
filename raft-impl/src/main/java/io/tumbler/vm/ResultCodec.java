package io.tumbler.vm;

import io.tumbler.vm.VmResult.Absent;
import io.tumbler.vm.VmResult.CasMismatch;
import io.tumbler.vm.VmResult.HostFailed;
import io.tumbler.vm.VmResult.HostInfo;
import io.tumbler.vm.VmResult.HostList;
import io.tumbler.vm.VmResult.Malformed;
import io.tumbler.vm.VmResult.NoCapacity;
import io.tumbler.vm.VmResult.PathChildren;
import io.tumbler.vm.VmResult.PathValue;
import io.tumbler.vm.VmResult.PathsDeleted;
import io.tumbler.vm.VmResult.Rejected;
import io.tumbler.vm.VmResult.VmDeleted;
import io.tumbler.vm.VmResult.VmInfo;
import io.tumbler.vm.VmResult.VmList;
import java.util.ArrayList;
import java.util.List;

/**
 * Result bodies (after the header): a tag byte, then the fields in declaration order; lists are a varint
 * count and the items; a nullable entry is a presence byte and the entry. Tags are frozen.
 */
final class ResultCodec {
    static final int HOST_INFO = 1;
    static final int HOST_FAILED = 2;
    static final int HOST_LIST = 3;
    static final int VM_INFO = 4;
    static final int VM_DELETED = 5;
    static final int VM_LIST = 6;
    static final int PATH_VALUE = 7;
    static final int PATH_CHILDREN = 8;
    static final int PATHS_DELETED = 9;
    static final int ABSENT = 10;
    static final int CAS_MISMATCH = 11;
    static final int NO_CAPACITY = 12;
    static final int REJECTED = 13;
    static final int MALFORMED = 14;

    private ResultCodec() {}

    static void write(WireWriter out, VmResult result) {
        if (result instanceof HostInfo r) {
            ValueCodec.writeHost(out.u8(HOST_INFO), r.host());
        } else if (result instanceof HostFailed r) {
            ValueCodec.writeHost(out.u8(HOST_FAILED), r.host());
            writeStrings(out, r.failedVmIds());
        } else if (result instanceof HostList r) {
            out.u8(HOST_LIST).varLong(r.hosts().size());
            r.hosts().forEach(host -> ValueCodec.writeHost(out, host));
        } else if (result instanceof VmInfo r) {
            ValueCodec.writeVm(out.u8(VM_INFO), r.vm());
        } else if (result instanceof VmDeleted r) {
            ValueCodec.writeVm(out.u8(VM_DELETED), r.vm());
        } else if (result instanceof VmList r) {
            out.u8(VM_LIST).varLong(r.vms().size());
            r.vms().forEach(vm -> ValueCodec.writeVm(out, vm));
        } else {
            writePathOrRefusal(out, result);
        }
    }

    private static void writePathOrRefusal(WireWriter out, VmResult result) {
        if (result instanceof PathValue r) {
            ValueCodec.writePathEntry(out.u8(PATH_VALUE), r.entry());
        } else if (result instanceof PathChildren r) {
            writeStrings(out.u8(PATH_CHILDREN).string(r.path()), r.names());
        } else if (result instanceof PathsDeleted r) {
            out.u8(PATHS_DELETED).string(r.path()).varLong(r.count()).varLong(r.revision());
        } else if (result instanceof Absent r) {
            out.u8(ABSENT).string(r.subject());
        } else if (result instanceof CasMismatch r) {
            out.u8(CAS_MISMATCH).string(r.path()).bool(r.current() != null);
            if (r.current() != null) {
                ValueCodec.writePathEntry(out, r.current());
            }
        } else if (result instanceof NoCapacity r) {
            ValueCodec.writeResources(out.u8(NO_CAPACITY), r.requested());
        } else if (result instanceof Rejected r) {
            out.u8(REJECTED).u8(r.reason().code()).string(r.subject());
        } else if (result instanceof Malformed r) {
            out.u8(MALFORMED).string(r.detail());
        } else {
            throw new IllegalArgumentException("unknown result " + result);
        }
    }

    static VmResult read(WireReader in) {
        int tag = in.u8("result tag");
        switch (tag) {
            case HOST_INFO:
                return new HostInfo(ValueCodec.readHost(in));
            case HOST_FAILED:
                return new HostFailed(ValueCodec.readHost(in), readStrings(in, "failedVmIds"));
            case HOST_LIST:
                return new HostList(readHosts(in));
            case VM_INFO:
                return new VmInfo(ValueCodec.readVm(in));
            case VM_DELETED:
                return new VmDeleted(ValueCodec.readVm(in));
            case VM_LIST:
                return new VmList(readVms(in));
            default:
                return readPathOrRefusal(in, tag);
        }
    }

    private static VmResult readPathOrRefusal(WireReader in, int tag) {
        switch (tag) {
            case PATH_VALUE:
                return new PathValue(ValueCodec.readPathEntry(in));
            case PATH_CHILDREN:
                return new PathChildren(in.string("path"), readStrings(in, "names"));
            case PATHS_DELETED:
                return new PathsDeleted(in.string("path"), in.varInt("count", Integer.MAX_VALUE),
                        in.varLong("revision"));
            case ABSENT:
                return new Absent(in.string("subject"));
            case CAS_MISMATCH:
                return new CasMismatch(in.string("path"),
                        in.bool("current presence") ? ValueCodec.readPathEntry(in) : null);
            case NO_CAPACITY:
                return new NoCapacity(ValueCodec.readResources(in, "requested"));
            case REJECTED:
                return new Rejected(readReason(in), in.string("subject"));
            case MALFORMED:
                return new Malformed(in.string("detail"));
            default:
                throw in.error("unknown result tag " + tag);
        }
    }

    private static RejectReason readReason(WireReader in) {
        int code = in.u8("reject reason");
        RejectReason reason = RejectReason.fromCode(code);
        if (reason == null) {
            throw in.error("unknown reject reason code " + code);
        }
        return reason;
    }

    private static void writeStrings(WireWriter out, List<String> strings) {
        out.varLong(strings.size());
        strings.forEach(out::string);
    }

    private static List<String> readStrings(WireReader in, String field) {
        int count = in.count(field + " count");
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(in.string(field));
        }
        return strings;
    }

    private static List<Host> readHosts(WireReader in) {
        int count = in.count("host count");
        List<Host> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hosts.add(ValueCodec.readHost(in));
        }
        return hosts;
    }

    private static List<Vm> readVms(WireReader in) {
        int count = in.count("vm count");
        List<Vm> vms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vms.add(ValueCodec.readVm(in));
        }
        return vms;
    }
}
