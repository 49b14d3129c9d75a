package io.tumbler.raft.runtime;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.Role;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The client wire protocol: one request frame, one response frame, over a connection that began with
 * {@link ConnectionKind#CLIENT}. Big-endian; the trailing byte string of a frame runs to its end.
 *
 * <pre>
 * request  = 1 clientId:u64 sequence:u64 command...   (submit)
 *          | 2 mode:u8 query...                       (read; mode 1 linearizable, 2 lease, 3 local)
 *          | 3                                        (status)
 *          | 4 version:u8 node:u32                    (admin: add learner)
 *          | 5 version:u8 node:u32                    (admin: promote learner)
 *          | 6 version:u8 node:u32                    (admin: remove voter or learner)
 *          | 7 version:u8 node:u32                    (admin: transfer leadership)
 *          | 8 version:u8                             (admin: configuration)
 * response = 1 index:u64 result...                    (ok)
 *          | 2 leaderHint:u32                         (not leader)
 *          | 3 reason...  | 4 reason...  | 5 reason...  (dropped, unknown, unavailable; UTF-8)
 *          | 6 id:u32 role:u8 term:u64 leader:u32 commit:u64 applied:u64 halted:u8 reason...   (status)
 *          | 7 index:u64 configuration...            (configuration change committed; Configuration.encode)
 *          | 8 reason:utf detail...                  (configuration change refused; ConfigChangeResult.Reason name)
 *          | 9 target:u32                            (leadership transfer started)
 *          | 10 id:u32 role:u8 leader:u32 index:u64 commit:u64 n:u32 (member:u32 match:u64)^n configuration...
 * </pre>
 *
 * <p><b>Versions.</b> Ops 1-3 are the original, unversioned client protocol and never change. Every admin op
 * (4-8) carries {@link #ADMIN_VERSION}; a server answers a version it does not speak, like any malformed request,
 * with one {@code unavailable} frame naming the problem, then closes the connection. A server that predates the
 * admin ops closes the connection without answering. A new admin op or field takes a new version number.
 */
public final class ClientProtocol {
    private static final int SUBMIT = 1;
    private static final int READ = 2;
    private static final int STATUS = 3;
    private static final int ADD_LEARNER = 4;
    private static final int PROMOTE = 5;
    private static final int REMOVE = 6;
    private static final int TRANSFER = 7;
    private static final int CONFIGURATION = 8;
    private static final int OK = 1;
    private static final int NOT_LEADER = 2;
    private static final int DROPPED = 3;
    private static final int UNKNOWN = 4;
    private static final int UNAVAILABLE = 5;
    private static final int STATUS_REPLY = 6;
    private static final int COMMITTED = 7;
    private static final int REFUSED = 8;
    private static final int TRANSFER_STARTED = 9;
    private static final int CONFIGURATION_REPLY = 10;
    /** The version of the admin ops (4-8) this code speaks. */
    public static final int ADMIN_VERSION = 1;

    private ClientProtocol() {}

    /** The frame of a client request. */
    public static byte[] encodeRequest(ClientRequest request) {
        return build(out -> {
            if (request instanceof ClientRequest.Submit s) {
                out.writeByte(SUBMIT);
                out.writeLong(s.clientId());
                out.writeLong(s.sequence());
                out.write(s.command());
            } else if (request instanceof ClientRequest.Read r) {
                out.writeByte(READ);
                out.writeByte(modeCode(r.mode()));
                out.write(r.query());
            } else if (request instanceof ClientRequest.StatusQuery) {
                out.writeByte(STATUS);
            } else {
                writeAdminRequest(out, request);
            }
        });
    }

    private static void writeAdminRequest(DataOutputStream out, ClientRequest request) throws IOException {
        if (request instanceof ClientRequest.ChangeMembership m) {
            ConfigChange c = m.change();
            out.writeByte(c instanceof ConfigChange.AddLearner ? ADD_LEARNER
                    : c instanceof ConfigChange.PromoteLearner ? PROMOTE : REMOVE);
            out.writeByte(ADMIN_VERSION);
            out.writeInt(c.node());
        } else if (request instanceof ClientRequest.TransferLeadership t) {
            out.writeByte(TRANSFER);
            out.writeByte(ADMIN_VERSION);
            out.writeInt(t.target());
        } else {
            out.writeByte(CONFIGURATION);
            out.writeByte(ADMIN_VERSION);
        }
    }

    /** Decodes a request; a malformed frame throws {@link IllegalArgumentException}. */
    public static ClientRequest decodeRequest(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        require(frame.length >= 1, "empty request");
        int op = in.get();
        if (op == SUBMIT) {
            require(frame.length >= 17, "short submit request");
            return new ClientRequest.Submit(in.getLong(), in.getLong(), rest(frame, 17));
        }
        if (op == READ) {
            require(frame.length >= 2, "short read request");
            return new ClientRequest.Read(modeOf(in.get()), rest(frame, 2));
        }
        if (op >= ADD_LEARNER && op <= CONFIGURATION) {
            return decodeAdminRequest(op, in, frame.length);
        }
        require(op == STATUS && frame.length == 1, "unknown request op " + op);
        return new ClientRequest.StatusQuery();
    }

    /**
     * Decodes a request for a server: a malformed frame is answered on {@code answer} with an {@code unavailable}
     * frame naming the problem, and gives null (the server then serves nothing).
     */
    public static ClientRequest decodeRequestOrRefuse(byte[] frame, Consumer<byte[]> answer) {
        try {
            return decodeRequest(frame);
        } catch (IllegalArgumentException e) {
            answer.accept(encodeMalformed(e.getMessage()));
            return null;
        }
    }

    private static ClientRequest decodeAdminRequest(int op, ByteBuffer in, int length) {
        require(length >= 2, "admin request without a version");
        int version = in.get();
        require(version == ADMIN_VERSION, "admin protocol version " + version + " is not spoken here (this server "
                + "speaks version " + ADMIN_VERSION + ")");
        if (op == CONFIGURATION) {
            require(length == 2, "configuration request with trailing bytes");
            return new ClientRequest.ConfigurationQuery();
        }
        require(length == 6, "admin request op " + op + " needs exactly a node id");
        int node = in.getInt();
        require(node > 0, "node id " + node + " must be positive");
        switch (op) {
            case ADD_LEARNER:
                return new ClientRequest.ChangeMembership(new ConfigChange.AddLearner(node));
            case PROMOTE:
                return new ClientRequest.ChangeMembership(new ConfigChange.PromoteLearner(node));
            case REMOVE:
                return new ClientRequest.ChangeMembership(new ConfigChange.Remove(node));
            default:
                return new ClientRequest.TransferLeadership(node);
        }
    }

    /** The response frame to a configuration change. */
    public static byte[] encodeConfigChangeOutcome(ConfigChangeOutcome outcome) {
        if (outcome instanceof ConfigChangeOutcome.Committed c) {
            return build(out -> {
                out.writeByte(COMMITTED);
                out.writeLong(c.index());
                out.write(c.configuration().encode());
            });
        }
        if (outcome instanceof ConfigChangeOutcome.NotLeader n) {
            return notLeader(n.leaderHint());
        }
        if (outcome instanceof ConfigChangeOutcome.Refused r) {
            return build(out -> {
                out.writeByte(REFUSED);
                out.writeUTF(r.reason().name());
                out.write(r.detail().getBytes(StandardCharsets.UTF_8));
            });
        }
        if (outcome instanceof ConfigChangeOutcome.Dropped d) {
            return reason(DROPPED, d.reason());
        }
        return reason(UNKNOWN, ((ConfigChangeOutcome.Unknown) outcome).reason());
    }

    /** Parses the response to a configuration change; a malformed request's answer is {@code Unknown}. */
    public static ConfigChangeOutcome decodeConfigChangeOutcome(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int code = in.get();
        switch (code) {
            case COMMITTED:
                return new ConfigChangeOutcome.Committed(in.getLong(), Configuration.decode(rest(frame, 9)));
            case NOT_LEADER:
                return new ConfigChangeOutcome.NotLeader(in.getInt());
            case REFUSED:
                return refused(frame);
            case DROPPED:
                return new ConfigChangeOutcome.Dropped(text(frame));
            case UNKNOWN:
            case UNAVAILABLE:
                return new ConfigChangeOutcome.Unknown(text(frame));
            default:
                throw new IllegalArgumentException("not a configuration change response: code " + code);
        }
    }

    private static ConfigChangeOutcome.Refused refused(byte[] frame) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame, 1, frame.length - 1));
            String reason = in.readUTF();
            String detail = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ConfigChangeOutcome.Refused(ConfigChangeResult.Reason.valueOf(reason), detail);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed refusal: " + e.getMessage(), e);
        }
    }

    /** The response frame to a leadership transfer. */
    public static byte[] encodeTransferOutcome(TransferOutcome outcome) {
        if (outcome instanceof TransferOutcome.Started s) {
            return build(out -> {
                out.writeByte(TRANSFER_STARTED);
                out.writeInt(s.target());
            });
        }
        if (outcome instanceof TransferOutcome.NotLeader n) {
            return notLeader(n.leaderHint());
        }
        return reason(UNAVAILABLE, ((TransferOutcome.Refused) outcome).reason());
    }

    /** Parses the response to a leadership transfer. */
    public static TransferOutcome decodeTransferOutcome(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int code = in.get();
        switch (code) {
            case TRANSFER_STARTED:
                return new TransferOutcome.Started(in.getInt());
            case NOT_LEADER:
                return new TransferOutcome.NotLeader(in.getInt());
            case UNAVAILABLE:
                return new TransferOutcome.Refused(text(frame));
            default:
                throw new IllegalArgumentException("not a transfer response: code " + code);
        }
    }

    /** The response frame to a configuration query. */
    public static byte[] encodeConfiguration(ClusterConfiguration c) {
        return build(out -> {
            out.writeByte(CONFIGURATION_REPLY);
            out.writeInt(c.reportedBy());
            out.writeByte(c.role().ordinal());
            out.writeInt(c.leaderId());
            out.writeLong(c.index());
            out.writeLong(c.commitIndex());
            out.writeInt(c.matchIndex().size());
            for (var e : c.matchIndex().entrySet()) {
                out.writeInt(e.getKey());
                out.writeLong(e.getValue());
            }
            out.write(c.configuration().encode());
        });
    }

    /**
     * Parses the response to a configuration query; an {@code unavailable} answer (a malformed request, a version
     * this server does not speak) throws {@link IllegalArgumentException} with the server's reason.
     */
    public static ClusterConfiguration decodeConfiguration(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int code = in.get();
        if (code == UNAVAILABLE) {
            throw new IllegalArgumentException(text(frame));
        }
        require(code == CONFIGURATION_REPLY, "not a configuration response: code " + code);
        int reportedBy = in.getInt();
        Role role = Role.values()[in.get()];
        int leader = in.getInt();
        long index = in.getLong();
        long commit = in.getLong();
        TreeMap<Integer, Long> match = new TreeMap<>();
        for (int n = in.getInt(); n > 0; n--) {
            match.put(in.getInt(), in.getLong());
        }
        Configuration configuration = Configuration.decode(rest(frame, in.position()));
        return new ClusterConfiguration(reportedBy, role, leader, index, commit, configuration, match);
    }

    /**
     * The {@code unavailable} answer to a request the server cannot parse or does not serve, naming the problem (a
     * TCP server sends it once, before the connection closes).
     */
    public static byte[] encodeMalformed(String reason) {
        return reason(UNAVAILABLE, reason);
    }

    /** The response frame to a submit. */
    public static byte[] encodeSubmitResult(SubmitResult result) {
        if (result instanceof SubmitResult.Ok ok) {
            return ok(ok.index(), ok.result());
        }
        if (result instanceof SubmitResult.NotLeader n) {
            return notLeader(n.leaderHint());
        }
        if (result instanceof SubmitResult.Dropped d) {
            return reason(DROPPED, d.reason());
        }
        return reason(UNKNOWN, ((SubmitResult.Unknown) result).reason());
    }

    /** Parses the response to a submit. */
    public static SubmitResult decodeSubmitResult(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int code = in.get();
        switch (code) {
            case OK:
                return new SubmitResult.Ok(rest(frame, 9), in.getLong());
            case NOT_LEADER:
                return new SubmitResult.NotLeader(in.getInt());
            case DROPPED:
                return new SubmitResult.Dropped(text(frame));
            case UNKNOWN:
                return new SubmitResult.Unknown(text(frame));
            default:
                throw new IllegalArgumentException("not a submit response: code " + code);
        }
    }

    /** The response frame to a read. */
    public static byte[] encodeReadOutcome(ReadOutcome outcome) {
        if (outcome instanceof ReadOutcome.Ok ok) {
            return ok(ok.appliedIndex(), ok.result());
        }
        if (outcome instanceof ReadOutcome.NotLeader n) {
            return notLeader(n.leaderHint());
        }
        return reason(UNAVAILABLE, ((ReadOutcome.Unavailable) outcome).reason());
    }

    /** Parses the response to a read. */
    public static ReadOutcome decodeReadOutcome(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        int code = in.get();
        switch (code) {
            case OK:
                return new ReadOutcome.Ok(rest(frame, 9), in.getLong());
            case NOT_LEADER:
                return new ReadOutcome.NotLeader(in.getInt());
            case UNAVAILABLE:
                return new ReadOutcome.Unavailable(text(frame));
            default:
                throw new IllegalArgumentException("not a read response: code " + code);
        }
    }

    /**
     * The kind of a response frame, by its leading code ({@code OK}, {@code NOT_LEADER}, {@code DROPPED},
     * {@code UNKNOWN}, {@code UNAVAILABLE}, {@code STATUS}, {@code COMMITTED}, {@code REFUSED},
     * {@code TRANSFER_STARTED}, {@code CONFIGURATION}), or {@code MALFORMED}: the codes are distinct across every
     * request's responses, so a frame names its outcome without the request that asked for it (traces, logs).
     */
    public static String responseKind(byte[] frame) {
        if (frame.length == 0) {
            return "MALFORMED";
        }
        return switch (frame[0]) {
            case OK -> "OK";
            case NOT_LEADER -> "NOT_LEADER";
            case DROPPED -> "DROPPED";
            case UNKNOWN -> "UNKNOWN";
            case UNAVAILABLE -> "UNAVAILABLE";
            case STATUS_REPLY -> "STATUS";
            case COMMITTED -> "COMMITTED";
            case REFUSED -> "REFUSED";
            case TRANSFER_STARTED -> "TRANSFER_STARTED";
            case CONFIGURATION_REPLY -> "CONFIGURATION";
            default -> "MALFORMED";
        };
    }

    /** The response frame to a status query. */
    public static byte[] encodeStatus(ServerStatus s) {
        return build(out -> {
            out.writeByte(STATUS_REPLY);
            out.writeInt(s.id());
            out.writeByte(s.role().ordinal());
            out.writeLong(s.term());
            out.writeInt(s.leaderId());
            out.writeLong(s.commitIndex());
            out.writeLong(s.appliedIndex());
            out.writeByte(s.haltReason() == null ? 0 : 1);
            out.write(s.haltReason() == null ? new byte[0] : s.haltReason().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Parses the response to a status query. */
    public static ServerStatus decodeStatus(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        require(in.get() == STATUS_REPLY, "not a status response");
        int id = in.getInt();
        Role role = Role.values()[in.get()];
        long term = in.getLong();
        int leader = in.getInt();
        long commit = in.getLong();
        long applied = in.getLong();
        boolean halted = in.get() != 0;
        String reason = halted ? new String(rest(frame, in.position()), StandardCharsets.UTF_8) : null;
        return new ServerStatus(id, role, term, leader, commit, applied, reason);
    }

    private static byte[] ok(long index, byte[] result) {
        return build(out -> {
            out.writeByte(OK);
            out.writeLong(index);
            out.write(result);
        });
    }

    private static byte[] notLeader(int hint) {
        return build(out -> {
            out.writeByte(NOT_LEADER);
            out.writeInt(hint);
        });
    }

    private static byte[] reason(int code, String reason) {
        return build(out -> {
            out.writeByte(code);
            out.write(reason.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static String text(byte[] frame) {
        return new String(rest(frame, 1), StandardCharsets.UTF_8);
    }

    private static byte[] rest(byte[] frame, int from) {
        return Arrays.copyOfRange(frame, from, frame.length);
    }

    private static int modeCode(ReadMode mode) {
        switch (mode) {
            case LINEARIZABLE:
                return 1;
            case LEASE:
                return 2;
            case LOCAL:
            default:
                return 3;
        }
    }

    private static ReadMode modeOf(int code) {
        switch (code) {
            case 1:
                return ReadMode.LINEARIZABLE;
            case 2:
                return ReadMode.LEASE;
            case 3:
                return ReadMode.LOCAL;
            default:
                throw new IllegalArgumentException("unknown read mode code " + code);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("malformed client request: " + message);
        }
    }

    /** Writes one frame body. */
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] build(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
        return bytes.toByteArray();
    }
}
