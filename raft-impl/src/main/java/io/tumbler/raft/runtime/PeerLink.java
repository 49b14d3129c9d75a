package io.tumbler.raft.runtime;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbound connection to one peer: a bounded queue drained by its own thread, which connects (and
 * reconnects with exponential backoff), announces itself and writes frames. A frame that fails to write
 * is dropped with the connection; a full queue drops new frames. Raft tolerates both as message loss.
 */
final class PeerLink implements Runnable {
    private static final System.Logger LOG = System.getLogger(PeerLink.class.getName());
    private static final long BACKOFF_MIN_MILLIS = 20;
    private static final long BACKOFF_MAX_MILLIS = 1_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final int selfId;
    private final int peerId;
    private final InetSocketAddress address;
    private final BlockingQueue<byte[]> queue;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;
    private Socket socket;
    private DataOutputStream out;
    private long backoffMillis = BACKOFF_MIN_MILLIS;

    PeerLink(int selfId, int peerId, InetSocketAddress address, int queueCapacity) {
        this.selfId = selfId;
        this.peerId = peerId;
        this.address = address;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this, "raft-" + selfId + "-to-" + peerId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a frame; never blocks. */
    void offer(byte[] frame) {
        if (closed || !queue.offer(frame)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    void close() {
        closed = true;
        thread.interrupt();
        closeSocket();
    }

    @Override
    public void run() {
        while (!closed) {
            byte[] frame;
            try {
                frame = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (frame != null && connected()) {
                write(frame);
            } else if (frame != null) {
                dropped.incrementAndGet();
            }
        }
        closeSocket();
    }

    private void write(byte[] frame) {
        try {
            StreamFrames.write(out, frame);
            if (queue.isEmpty()) {
                out.flush();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "link {0}->{1} lost: {2}", selfId, peerId, e.toString());
            closeSocket();
        }
    }

    /** Connects if needed; on failure waits out the backoff (interruptibly) and reports false. */
    private boolean connected() {
        if (out != null) {
            return true;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, CONNECT_TIMEOUT_MILLIS);
            DataOutputStream stream = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 << 10));
            stream.writeByte(ConnectionKind.PEER);
            stream.writeInt(selfId);
            socket = s;
            out = stream;
            backoffMillis = BACKOFF_MIN_MILLIS;
            return true;
        } catch (IOException e) {
            closeQuietly(s);
            waitBackoff();
            return false;
        }
    }

    private void waitBackoff() {
        try {
            Thread.sleep(backoffMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        backoffMillis = Math.min(BACKOFF_MAX_MILLIS, backoffMillis * 2);
    }

    private void closeSocket() {
        Socket s = socket;
        socket = null;
        out = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing to recover: the link reconnects or is closing.
        }
    }
}
