package io.tumbler.raft.runtime;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A blocking client for one {@link RaftServer} over {@link ClientProtocol}; one request at a time. It does
 * not follow redirects itself: a {@link SubmitResult.NotLeader} names the leader to try next. A timeout or
 * broken connection throws {@link IOException}, after which the outcome of the request is unknown (the
 * caller retries with the same session sequence). Not thread-safe.
 */
public final class RaftClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private RaftClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeByte(ConnectionKind.CLIENT);
    }

    /** Connects to {@code address}; every later call waits at most {@code timeoutMillis} for its answer. */
    public static RaftClient connect(InetSocketAddress address, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return new RaftClient(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Submits command {@code sequence} of session {@code clientId} to this server's node. */
    public SubmitResult submit(long clientId, long sequence, byte[] command) throws IOException {
        return ClientProtocol.decodeSubmitResult(call(new ClientRequest.Submit(clientId, sequence, command)));
    }

    /** Reads from this server's node in {@code mode}. */
    public ReadOutcome read(ReadMode mode, byte[] query) throws IOException {
        return ClientProtocol.decodeReadOutcome(call(new ClientRequest.Read(mode, query)));
    }

    /** This server's node status. */
    public ServerStatus status() throws IOException {
        return ClientProtocol.decodeStatus(call(new ClientRequest.StatusQuery()));
    }

    /**
     * Admin: proposes {@code change} on this server's node and waits for its outcome (the server answers
     * {@code Unknown} if the change did not commit within its request timeout).
     */
    public ConfigChangeOutcome changeMembership(ConfigChange change) throws IOException {
        return ClientProtocol.decodeConfigChangeOutcome(call(new ClientRequest.ChangeMembership(change)));
    }

    /** Admin: asks this server, if it leads, to hand leadership to {@code target}. */
    public TransferOutcome transferLeadership(int target) throws IOException {
        return ClientProtocol.decodeTransferOutcome(call(new ClientRequest.TransferLeadership(target)));
    }

    /** Admin: the configuration this server's node uses now. */
    public ClusterConfiguration configuration() throws IOException {
        return ClientProtocol.decodeConfiguration(call(new ClientRequest.ConfigurationQuery()));
    }

    private byte[] call(ClientRequest request) throws IOException {
        StreamFrames.write(out, ClientProtocol.encodeRequest(request));
        out.flush();
        byte[] response = StreamFrames.read(in);
        if (response == null) {
            throw new EOFException("server closed the connection");
        }
        return response;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
