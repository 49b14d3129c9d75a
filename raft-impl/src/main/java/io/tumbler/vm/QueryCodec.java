package io.tumbler.vm;

/** Query bodies (after the header): a tag byte, then the fields in declaration order. Tags are frozen. */
final class QueryCodec {
    static final int GET_HOST = 1;
    static final int LIST_HOSTS = 2;
    static final int GET_VM = 3;
    static final int LIST_VMS = 4;
    static final int GET_PATH = 5;
    static final int LIST_CHILDREN = 6;

    private QueryCodec() {}

    static void write(WireWriter out, VmQuery query) {
        if (query instanceof VmQuery.GetHost q) {
            out.u8(GET_HOST).string(q.hostId());
        } else if (query instanceof VmQuery.ListHosts) {
            out.u8(LIST_HOSTS);
        } else if (query instanceof VmQuery.GetVm q) {
            out.u8(GET_VM).string(q.vmId());
        } else if (query instanceof VmQuery.ListVms q) {
            out.u8(LIST_VMS).optionalString(q.hostId());
        } else if (query instanceof VmQuery.GetPath q) {
            out.u8(GET_PATH).string(q.path());
        } else if (query instanceof VmQuery.ListChildren q) {
            out.u8(LIST_CHILDREN).string(q.path());
        } else {
            throw new IllegalArgumentException("unknown query " + query);
        }
    }

    static VmQuery read(WireReader in) {
        int tag = in.u8("query tag");
        switch (tag) {
            case GET_HOST:
                return new VmQuery.GetHost(in.string("hostId"));
            case LIST_HOSTS:
                return new VmQuery.ListHosts();
            case GET_VM:
                return new VmQuery.GetVm(in.string("vmId"));
            case LIST_VMS:
                return new VmQuery.ListVms(in.optionalString("hostId"));
            case GET_PATH:
                return new VmQuery.GetPath(in.string("path"));
            case LIST_CHILDREN:
                return new VmQuery.ListChildren(in.string("path"));
            default:
                throw in.error("unknown query tag " + tag);
        }
    }
}
