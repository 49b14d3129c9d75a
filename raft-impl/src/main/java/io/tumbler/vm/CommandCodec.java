package io.tumbler.vm;

import io.tumbler.vm.VmCommand.CompareAndSwapPath;
import io.tumbler.vm.VmCommand.CreateVm;
import io.tumbler.vm.VmCommand.DeletePath;
import io.tumbler.vm.VmCommand.DeleteVm;
import io.tumbler.vm.VmCommand.DrainHost;
import io.tumbler.vm.VmCommand.FailHost;
import io.tumbler.vm.VmCommand.MigrateVm;
import io.tumbler.vm.VmCommand.PutPath;
import io.tumbler.vm.VmCommand.PutPathIfAbsent;
import io.tumbler.vm.VmCommand.RecoverHost;
import io.tumbler.vm.VmCommand.RegisterHost;
import io.tumbler.vm.VmCommand.StartVm;
import io.tumbler.vm.VmCommand.StopVm;

/** Command bodies (after the header): a tag byte, then the fields in declaration order. Tags are frozen. */
final class CommandCodec {
    static final int REGISTER_HOST = 1;
    static final int DRAIN_HOST = 2;
    static final int FAIL_HOST = 3;
    static final int RECOVER_HOST = 4;
    static final int CREATE_VM = 5;
    static final int START_VM = 6;
    static final int STOP_VM = 7;
    static final int DELETE_VM = 8;
    static final int MIGRATE_VM = 9;
    static final int PUT_PATH = 10;
    static final int PUT_PATH_IF_ABSENT = 11;
    static final int CAS_PATH = 12;
    static final int DELETE_PATH = 13;

    private CommandCodec() {}

    static void write(WireWriter out, VmCommand command) {
        if (command instanceof RegisterHost c) {
            out.u8(REGISTER_HOST).string(c.hostId());
            ValueCodec.writeResources(out, c.capacity());
        } else if (command instanceof DrainHost c) {
            out.u8(DRAIN_HOST).string(c.hostId());
        } else if (command instanceof FailHost c) {
            out.u8(FAIL_HOST).string(c.hostId());
        } else if (command instanceof RecoverHost c) {
            out.u8(RECOVER_HOST).string(c.hostId());
        } else if (command instanceof CreateVm c) {
            out.u8(CREATE_VM).string(c.vmId());
            ValueCodec.writeResources(out, c.size());
        } else if (command instanceof StartVm c) {
            out.u8(START_VM).string(c.vmId());
        } else if (command instanceof StopVm c) {
            out.u8(STOP_VM).string(c.vmId());
        } else if (command instanceof DeleteVm c) {
            out.u8(DELETE_VM).string(c.vmId());
        } else if (command instanceof MigrateVm c) {
            out.u8(MIGRATE_VM).string(c.vmId()).optionalString(c.targetHostId());
        } else {
            writePathCommand(out, command);
        }
    }

    private static void writePathCommand(WireWriter out, VmCommand command) {
        if (command instanceof PutPath c) {
            out.u8(PUT_PATH).string(c.path()).bytes(c.value());
        } else if (command instanceof PutPathIfAbsent c) {
            out.u8(PUT_PATH_IF_ABSENT).string(c.path()).bytes(c.value());
        } else if (command instanceof CompareAndSwapPath c) {
            out.u8(CAS_PATH).string(c.path());
            ValueCodec.writeExpectation(out, c.expected());
            out.bytes(c.value());
        } else if (command instanceof DeletePath c) {
            out.u8(DELETE_PATH).string(c.path()).bool(c.recursive());
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
    }

    static VmCommand read(WireReader in) {
        int tag = in.u8("command tag");
        switch (tag) {
            case REGISTER_HOST:
                return new RegisterHost(in.string("hostId"), ValueCodec.readResources(in, "capacity"));
            case DRAIN_HOST:
                return new DrainHost(in.string("hostId"));
            case FAIL_HOST:
                return new FailHost(in.string("hostId"));
            case RECOVER_HOST:
                return new RecoverHost(in.string("hostId"));
            case CREATE_VM:
                return new CreateVm(in.string("vmId"), ValueCodec.readResources(in, "size"));
            case START_VM:
                return new StartVm(in.string("vmId"));
            case STOP_VM:
                return new StopVm(in.string("vmId"));
            case DELETE_VM:
                return new DeleteVm(in.string("vmId"));
            case MIGRATE_VM:
                return new MigrateVm(in.string("vmId"), in.optionalString("targetHostId"));
            default:
                return readPathCommand(in, tag);
        }
    }

    private static VmCommand readPathCommand(WireReader in, int tag) {
        switch (tag) {
            case PUT_PATH:
                return new PutPath(in.string("path"), in.bytes("value"));
            case PUT_PATH_IF_ABSENT:
                return new PutPathIfAbsent(in.string("path"), in.bytes("value"));
            case CAS_PATH:
                return new CompareAndSwapPath(in.string("path"), ValueCodec.readExpectation(in), in.bytes("value"));
            case DELETE_PATH:
                return new DeletePath(in.string("path"), in.bool("recursive"));
            default:
                throw in.error("unknown command tag " + tag);
        }
    }
}
