package io.tumbler.raft.runtime;

import io.tumbler.raft.CorruptMessageException;
import io.tumbler.raft.Message;
import io.tumbler.raft.MessageCodec;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Serves one inbound TCP connection on its own thread: a peer's stream of messages (each decoded and
 * handed to the node thread; a frame that fails its checksum is dropped), or a client's requests, one at a
 * time, each answered when the node answers or, after the request timeout, with an "unknown" outcome. A
 * request it cannot parse is answered with one "unavailable" frame naming the problem, then the connection closes.
 */
final class ConnectionHandler implements Runnable {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());

    private final RaftServer server;
    private final Socket socket;
    private final Consumer<Socket> onClose;

    ConnectionHandler(RaftServer server, Socket socket, Consumer<Socket> onClose) {
        this.server = server;
        this.socket = socket;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 << 10));
            int kind = in.readUnsignedByte();
            if (kind == ConnectionKind.PEER) {
                servePeer(in);
            } else if (kind == ConnectionKind.CLIENT) {
                serveClient(in, new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
            } else {
                LOG.log(System.Logger.Level.WARNING, "unknown connection kind " + kind + " from " + socket);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection " + socket + " ended: " + e);
        } finally {
            onClose.accept(socket);
        }
    }

    private void servePeer(DataInputStream in) throws IOException {
        int peerId = in.readInt();
        for (byte[] frame = StreamFrames.read(in); frame != null; frame = StreamFrames.read(in)) {
            Message message;
            try {
                message = MessageCodec.decode(frame);
            } catch (CorruptMessageException e) {
                LOG.log(System.Logger.Level.WARNING, "dropping a corrupt message from node " + peerId + ": "
                        + e.getMessage());
                continue;
            }
            if (message.from() != peerId) {
                throw new IOException("node " + peerId + " sent a message claiming to be from " + message.from());
            }
            server.deliver(message);
        }
    }

    private void serveClient(DataInputStream in, DataOutputStream out) throws IOException {
        for (byte[] frame = StreamFrames.read(in); frame != null; frame = StreamFrames.read(in)) {
            ClientRequest request;
            try {
                request = ClientProtocol.decodeRequest(frame);
            } catch (IllegalArgumentException e) {
                StreamFrames.write(out, ClientProtocol.encodeMalformed(e.getMessage()));
                out.flush();
                throw new IOException(e.getMessage(), e);
            }
            StreamFrames.write(out, answer(request));
            out.flush();
        }
    }

    /**
     * The node's answer through the shared {@link ClientRequestHandler}, or, if none comes within the request
     * timeout, the outcome a client must assume: unknown for a command or a membership change (it may still take
     * effect), not served for a read or a transfer; a status or configuration query without an answer fails.
     */
    private byte[] answer(ClientRequest request) throws IOException {
        byte[] frame = await(server.serve(request));
        if (frame != null) {
            return frame;
        }
        String late = "no answer from the node within the request timeout";
        if (request instanceof ClientRequest.Submit) {
            return ClientProtocol.encodeSubmitResult(new SubmitResult.Unknown(late));
        }
        if (request instanceof ClientRequest.Read) {
            return ClientProtocol.encodeReadOutcome(new ReadOutcome.Unavailable(late));
        }
        if (request instanceof ClientRequest.ChangeMembership) {
            return ClientProtocol.encodeConfigChangeOutcome(new ConfigChangeOutcome.Unknown("not committed within the "
                    + "request timeout: read the configuration and decide"));
        }
        if (request instanceof ClientRequest.TransferLeadership) {
            return ClientProtocol.encodeTransferOutcome(new TransferOutcome.Refused(late));
        }
        throw new IOException(request instanceof ClientRequest.StatusQuery ? "node did not report its status in time"
                : "node did not report its configuration in time");
    }

    /** The future's value, or null if it does not complete within the request timeout. */
    private <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get(server.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("request failed: " + e.getCause(), e.getCause());
        }
    }
}
