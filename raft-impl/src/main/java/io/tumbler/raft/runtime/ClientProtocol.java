package io.tumbler.raft.runtime;

import io.tumbler.raft.Role;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client wire protocol: one request frame, one response frame, over a connection that began with
 * {@link ConnectionKind#CLIENT}. Big-endian; the trailing byte string of a frame runs to its end.
 *
 * <pre>
 * request  = 1 clientId:u64 sequence:u64 command...   (submit)
 *          | 2 mode:u8 query...                       (read; mode 1 linearizable, 2 lease, 3 local)
 *          | 3                                        (status)
 * response = 1 index:u64 result...                    (ok)
 *          | 2 leaderHint:u32                         (not leader)
 *          | 3 reason...  | 4 reason...  | 5 reason...  (dropped, unknown, unavailable; UTF-8)
 *          | 6 id:u32 role:u8 term:u64 leader:u32 commit:u64 applied:u64 halted:u8 reason...   (status)
 * </pre>
 */
public final class ClientProtocol {
    private static final int SUBMIT = 1;
    private static final int READ = 2;
    private static final int STATUS = 3;
    private static final int OK = 1;
    private static final int NOT_LEADER = 2;
    private static final int DROPPED = 3;
    private static final int UNKNOWN = 4;
    private static final int UNAVAILABLE = 5;
    private static final int STATUS_REPLY = 6;

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
            } else {
                out.writeByte(STATUS);
            }
        });
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
        require(op == STATUS && frame.length == 1, "unknown request op " + op);
        return new ClientRequest.StatusQuery();
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
