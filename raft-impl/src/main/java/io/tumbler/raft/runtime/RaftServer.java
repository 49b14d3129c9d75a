package io.tumbler.raft.runtime;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.JitterSource;
import io.tumbler.raft.LogConfiguration;
import io.tumbler.raft.Message;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.node.RaftNode;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.StateMachine;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.storage.SegmentedLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one {@link RaftNode} in production: on a single-threaded executor (the node's thread, which also
 * ticks it), with a {@link SegmentedLog} on real files, a {@link TcpTransport} to its peers, and one TCP
 * port for both peer messages and clients ({@link ConnectionKind}, {@link ClientProtocol}).
 *
 * <p><b>Membership.</b> Admin requests ({@link #proposeConfigChange}, {@link #transferLeadership},
 * {@link #configuration}) go to the node exactly as the simulator drives it. A server started with
 * {@link RaftServerOptions#join()} asks every other address in its book to admit it (only a leader answers, with
 * the challenge of the join handshake) every {@link #JOIN_RETRY_TICKS} ticks until a committed configuration names
 * it, and then completes {@link #joined()}. Challenge nonces come from a {@link SecureRandom}.
 *
 * <p>Fail-stop: when the node halts (a failed fsync) or a broken invariant throws on the node thread, the
 * server stops serving and completes {@link #halted()}; a process should then exit and be restarted,
 * recovering from its directory.
 */
public final class RaftServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RaftServer.class.getName());

    private final RaftServerOptions options;
    private final ScheduledExecutorService nodeThread;
    private final TcpTransport transport;
    private final JoinAudit joinAudit;
    private final ServerSocket listener;
    private final RaftNode node;
    /** Serves the client protocol on {@link #node} (on the node thread), as the simulation does too. */
    private final ClientRequestHandler requests;
    private final CompletableFuture<String> halted = new CompletableFuture<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<LogConfiguration> joined = new CompletableFuture<>();
    /** The join retry task while this server is joining; touched only on the node thread. */
    private ScheduledFuture<?> joining;
    /** Join rounds so far without admission; touched only on the node thread. */
    private long joinRounds;
    private volatile boolean closed;

    private RaftServer(RaftServerOptions options, StateMachine stateMachine, ServerSocket listener) throws IOException {
        this.options = options;
        this.listener = listener;
        int id = options.raft().id();
        this.nodeThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "raft-node-" + id);
            t.setDaemon(true);
            return t;
        });
        this.transport = new TcpTransport(id, options.addresses(), options.peerQueueCapacity());
        this.joinAudit = new JoinAudit(options.observer());
        this.node = RaftNode.builder()
                .config(options.raft())
                .jitter(JitterSource.seeded(options.jitterSeed()))
                .storage(new SegmentedLog(new NioStorageDirectory(options.dataDirectory()), options.segmentTargetBytes()))
                .transport(transport)
                .stateMachine(stateMachine)
                .ticker(new ScheduledTicker(nodeThread, options.tickMillis(),
                        Math.max(1, options.raft().electionTimeoutTicks() - 1), this::fail))
                .observer(joinAudit)
                .onHalt(this::onHalt)
                .snapshotEveryEntries(options.snapshotEveryEntries())
                .hostIdentity(options.identity(), new SecureRandom()::nextLong)
                .build();
        refuseFaultPoints(node);
        this.requests = new ClientRequestHandler(node);
    }

    /** Join handshakes this server refused as leader since it started (each is logged as a warning). */
    public long joinsRefused() {
        return joinAudit.refused.get();
    }

    /** Join handshakes this server admitted as leader since it started. */
    public long joinsAdmitted() {
        return joinAudit.admitted.get();
    }

    /** Binds {@code options.self()} and starts; see {@link #start(RaftServerOptions, StateMachine, ServerSocket)}. */
    public static RaftServer start(RaftServerOptions options, StateMachine stateMachine) throws IOException {
        refuseKnownBugs(options);
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(options.self());
        return start(options, stateMachine, listener);
    }

    /**
     * Recovers the node from {@code options.dataDirectory()} and starts serving on an already bound
     * {@code listener} (tests bind ephemeral ports first so that every node knows every address). Throws
     * if recovery fails, e.g. a {@code CorruptLogException}.
     */
    public static RaftServer start(RaftServerOptions options, StateMachine stateMachine, ServerSocket listener)
            throws IOException {
        refuseKnownBugs(options);
        RaftServer server = new RaftServer(options, stateMachine, listener);
        try {
            server.nodeThread.submit(server.node::start).get();
        } catch (InterruptedException | ExecutionException e) {
            server.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("node " + options.raft().id() + " failed to start: " + cause, cause);
        }
        if (options.join()) {
            server.onNode(server::startJoining);
        }
        Thread accept = new Thread(server::acceptLoop, "raft-accept-" + options.raft().id());
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    /**
     * Known bugs exist to prove that simulation checks catch them; a real server never runs one. Throws
     * {@link IllegalArgumentException} naming them before anything is bound, opened or started.
     */
    static void refuseKnownBugs(RaftServerOptions options) {
        if (!options.raft().knownBugs().isEmpty()) {
            throw new IllegalArgumentException("refusing to start node " + options.raft().id() + " with known bugs "
                    + options.raft().knownBugs() + ": deliberate bugs are for simulation only (tumbler --bug)");
        }
    }

    /**
     * Fault points steer a node onto rare paths for simulations; a real server never consults them. The
     * node above is built with the builder's default ({@code FaultPoints.NONE}); this guards that choice.
     */
    static void refuseFaultPoints(RaftNode node) {
        if (node.faultPointsArmed()) {
            throw new IllegalArgumentException("refusing to run node " + node.id()
                    + " with fault points armed: they are for simulation only (buggify)");
        }
    }

    /** Submits a client command through the node (see {@link RaftNode#submit}). */
    public CompletableFuture<SubmitResult> submit(long clientId, long sequence, byte[] command) {
        CompletableFuture<SubmitResult> future = new CompletableFuture<>();
        onNode(() -> node.submit(clientId, sequence, command.clone(), future::complete));
        return future;
    }

    /** Reads through the node (see {@link RaftNode#read}). */
    public CompletableFuture<ReadOutcome> read(ReadMode mode, byte[] query) {
        CompletableFuture<ReadOutcome> future = new CompletableFuture<>();
        onNode(() -> node.read(mode, query.clone(), future::complete));
        return future;
    }

    /** The node's current status. */
    public CompletableFuture<ServerStatus> status() {
        CompletableFuture<ServerStatus> future = new CompletableFuture<>();
        onNode(() -> future.complete(requests.status()));
        return future;
    }

    /**
     * Serves one client-protocol request on the node thread through the {@link ClientRequestHandler} the simulation
     * runs too; the future completes with the response frame, or never if the node halts (callers bound their wait).
     */
    CompletableFuture<byte[]> serve(ClientRequest request) {
        CompletableFuture<byte[]> future = new CompletableFuture<>();
        onNode(() -> requests.serve(request, future::complete));
        return future;
    }

    /**
     * Proposes a membership change through the node (see {@link RaftNode#proposeConfigChange}); the future
     * completes with its outcome, or never if the node halts (callers bound their wait).
     */
    public CompletableFuture<ConfigChangeOutcome> proposeConfigChange(ConfigChange change) {
        CompletableFuture<ConfigChangeOutcome> future = new CompletableFuture<>();
        onNode(() -> node.proposeConfigChange(change, future::complete));
        return future;
    }

    /**
     * Starts a leadership transfer to voter {@code target} (see {@link RaftNode#transferLeadership}); refused
     * on a follower (with the leader as hint) and for a target that is not another voter.
     */
    public CompletableFuture<TransferOutcome> transferLeadership(int target) {
        CompletableFuture<TransferOutcome> future = new CompletableFuture<>();
        onNode(() -> future.complete(requests.transferLeadership(target)));
        return future;
    }

    /** The configuration the node uses now, with every member's match index when it leads. */
    public CompletableFuture<ClusterConfiguration> configuration() {
        CompletableFuture<ClusterConfiguration> future = new CompletableFuture<>();
        onNode(() -> future.complete(requests.configuration()));
        return future;
    }

    /** Completes when a committed configuration names this (joining) server; never for a bootstrap voter. */
    public CompletableFuture<LogConfiguration> joined() {
        return joined;
    }

    /** Completes with the reason when the node halts (fail-stop). */
    public CompletableFuture<String> halted() {
        return halted;
    }

    /** The address this server listens on. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The options this server runs with. */
    public RaftServerOptions options() {
        return options;
    }

    /** Messages lost by the outbound transport (full queues, broken links). */
    public long droppedMessages() {
        return transport.droppedMessages();
    }

    /** Delivers an inbound peer message on the node thread. */
    void deliver(Message message) {
        onNode(() -> node.receive(message));
    }

    /** How long a client connection waits for an answer. */
    long requestTimeoutMillis() {
        return options.requestTimeoutMillis();
    }

    /** Runs {@code task} on the node thread unless the server is closed or failed. */
    void onNode(Runnable task) {
        if (closed || halted.isDone()) {
            return;
        }
        try {
            nodeThread.execute(() -> {
                if (halted.isDone()) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: the node no longer takes work.
        }
    }

    /** How often, in ticks, a joining server asks again: long enough for one handshake's three messages. */
    static final int JOIN_RETRY_TICKS = 10;
    /** Every this many unanswered join rounds the server warns: refusals are only observed on the leader. */
    private static final int JOIN_WARN_ROUNDS = 20;

    /** On the node thread: knock now and every {@link #JOIN_RETRY_TICKS} ticks until admitted. */
    private void startJoining() {
        long periodMillis = JOIN_RETRY_TICKS * options.tickMillis();
        joining = nodeThread.scheduleWithFixedDelay(() -> onNode(this::knock), 0, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    /** One round of the join: done once a committed configuration names this node, else ask every address. */
    private void knock() {
        LogConfiguration current = node.configuration();
        boolean member = current.configuration().isMember(node.id());
        if (member && current.index() <= node.status().commitIndex()) {
            joining.cancel(false);
            LOG.log(System.Logger.Level.INFO, "node " + node.id() + " joined: " + current.configuration());
            joined.complete(current);
            return;
        }
        if (member) {
            return; // admitted; wait for the configuration entry to commit here
        }
        if (++joinRounds % JOIN_WARN_ROUNDS == 0) {
            LOG.log(System.Logger.Level.WARNING, "node " + node.id() + " not admitted after " + joinRounds
                    + " rounds of join requests: check the secret file, the cluster id, the host and incarnation (a"
                    + " wiped host needs a new node id and a higher incarnation), that a leader is up, and that id "
                    + node.id() + " is in every server's --peers");
        }
        for (int peer : options.addresses().keySet()) {
            if (peer != node.id()) {
                node.requestJoin(peer);
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                Consumer<Socket> done = connections::remove;
                Thread t = new Thread(new ConnectionHandler(this, socket, done),
                        "raft-conn-" + options.raft().id() + "-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on " + options.self() + ": " + e);
                }
            }
        }
    }

    private void onHalt(String reason) {
        LOG.log(System.Logger.Level.ERROR, "node " + options.raft().id() + " halted (fail-stop): " + reason);
        halted.complete(reason);
    }

    private void fail(RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "node " + options.raft().id() + " failed; stopping", e);
        halted.complete("exception on the node thread: " + e);
    }

    /** Stops serving, closes connections and storage; safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
        transport.close();
        try {
            nodeThread.submit(node::stop).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "node " + options.raft().id() + " did not stop cleanly: " + e);
        }
        nodeThread.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Shutting down; nothing left to do with the error.
        }
    }
}
