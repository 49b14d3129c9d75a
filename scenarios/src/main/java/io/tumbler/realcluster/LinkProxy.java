package io.tumbler.realcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy for one direction of one peer link: node {@code from} connects to {@link #port()} believing it is
 * node {@code to}, and the proxy forwards the bytes to {@code to}'s real port. A peer connection carries data one
 * way only (the sender's messages; the receiver never writes back), so faults apply to the forward direction.
 *
 * <p>Faults, each settable at any time from any thread:
 * <ul>
 *   <li>{@link #cut}: drops every open connection and refuses (accepts and closes) new ones until {@link #heal}.
 *   <li>{@link #delay}: holds each forwarded chunk this long before writing it (order kept).
 *   <li>{@link #loss}: after each forwarded chunk, drops the connection with this probability; the sender loses
 *       whatever it had queued or in flight, which Raft sees as message loss, and reconnects.
 * </ul>
 * Loss draws come from a {@link Random} seeded per link: the decisions depend on chunking, so they are not
 * reproducible, but they are not drawn from a global source either.
 */
final class LinkProxy implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LinkProxy.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final int from;
    private final int to;
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Random lossRandom;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long delayMillis;
    private volatile double lossRate;
    private volatile boolean closed;

    /** Binds an ephemeral port on 127.0.0.1 and starts accepting; forwards to {@code target}. */
    LinkProxy(int from, int to, InetSocketAddress target, long lossSeed) throws IOException {
        this.from = from;
        this.to = to;
        this.target = target;
        this.lossRandom = new Random(lossSeed);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "proxy-" + from + "-to-" + to);
        accept.setDaemon(true);
        accept.start();
    }

    /** The port node {@code from} must use to reach node {@code to}. */
    int port() {
        return listener.getLocalPort();
    }

    /** Cuts the link: open connections are dropped, new ones refused. */
    void cut() {
        cut = true;
        dropConnections();
    }

    /** Ends every fault on this link: no cut, no delay, no loss. */
    void heal() {
        cut = false;
        delayMillis = 0;
        lossRate = 0;
    }

    /** Holds every forwarded chunk for {@code millis} (0: none). */
    void delay(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, got " + millis);
        }
        delayMillis = millis;
    }

    /** Drops the connection after a forwarded chunk with probability {@code rate} (0: never). */
    void loss(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("loss rate must be in [0, 1], got " + rate);
        }
        lossRate = rate;
    }

    boolean isCut() {
        return cut;
    }

    /** Connections currently open through this link (both sockets of each count once). */
    int openConnections() {
        return open.size() / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket inbound;
            try {
                inbound = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "proxy " + from + "->" + to + " accept failed: " + e);
                }
                continue;
            }
            if (cut || closed) {
                closeQuietly(inbound);
                continue;
            }
            connect(inbound);
        }
    }

    /** Opens the outbound half; if {@code to} is down the inbound connection is closed, as a refused connect. */
    private void connect(Socket inbound) {
        Socket outbound = new Socket();
        try {
            outbound.setTcpNoDelay(true);
            inbound.setTcpNoDelay(true);
            outbound.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(inbound);
            closeQuietly(outbound);
            return;
        }
        open.add(inbound);
        open.add(outbound);
        Runnable closeBoth = () -> {
            closeQuietly(inbound);
            closeQuietly(outbound);
            open.remove(inbound);
            open.remove(outbound);
        };
        try {
            ForwardPipe forward = new ForwardPipe(inbound.getInputStream(), outbound.getOutputStream(), closeBoth);
            start("proxy-" + from + "-to-" + to + "-fwd", forward::readLoop);
            start("proxy-" + from + "-to-" + to + "-out", forward::writeLoop);
            start("proxy-" + from + "-to-" + to + "-back",
                    () -> copyBack(outbound, inbound, closeBoth));
        } catch (IOException e) {
            closeBoth.run();
        }
    }

    /** The reverse direction, unfaulted: a peer never writes back on a peer connection, so this only sees EOF. */
    private static void copyBack(Socket outbound, Socket inbound, Runnable closeBoth) {
        byte[] buffer = new byte[4096];
        try (InputStream in = outbound.getInputStream(); OutputStream out = inbound.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // The connection ended; the forward side notices too.
        } finally {
            closeBoth.run();
        }
    }

    /**
     * The forward direction: a reader that takes chunks off the sender's socket, applying cut and loss, and a
     * writer that releases each chunk once its delay has passed.
     */
    private final class ForwardPipe {
        private final InputStream in;
        private final OutputStream out;
        private final Runnable closeBoth;
        private final LinkedBlockingQueue<TimedChunk> queue =
                new LinkedBlockingQueue<>();
        private volatile boolean done;

        ForwardPipe(InputStream in, OutputStream out, Runnable closeBoth) {
            this.in = in;
            this.out = out;
            this.closeBoth = closeBoth;
        }

        void readLoop() {
            byte[] buffer = new byte[64 << 10];
            try {
                for (int n = in.read(buffer); n >= 0 && !cut; n = in.read(buffer)) {
                    queue.put(new TimedChunk(System.nanoTime() + delayMillis * 1_000_000, Arrays.copyOf(buffer, n)));
                    double rate = lossRate;
                    if (rate > 0 && lossRandom.nextDouble() < rate) {
                        break;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The connection ended or was cut.
            } finally {
                done = true;
                closeBoth.run();
            }
        }

        void writeLoop() {
            try {
                while (!done || !queue.isEmpty()) {
                    TimedChunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (chunk == null) {
                        continue;
                    }
                    long waitNanos = chunk.dueNanos() - System.nanoTime();
                    if (waitNanos > 0) {
                        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // Closed under us: the chunks left are lost, as a broken connection loses them.
            } finally {
                closeBoth.run();
            }
        }
    }

    /** Bytes read from the sender and when they may be written on. */
    private record TimedChunk(long dueNanos, byte[] bytes) {}

    private static void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private void dropConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        dropConnections();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing a proxy connection: nothing to do with the error.
        }
    }
}
