package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.Role;
import io.tumbler.raft.membership.HostIdentity;
import io.tumbler.raft.membership.JoinRejection;
import io.tumbler.raft.node.CounterMachine;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.RaftObserver;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership of the production server over real TCP on 127.0.0.1 with real files: servers 1-3 bootstrap the
 * cluster, ids 4-6 are provisioned in the address book for hosts that join later. Every change goes through
 * {@link RaftAdmin} (the operator's command, parsed from its argument list) or through a server's {@code --join}
 * handshake, and every wait is on a future completed by an observer or by a server, bounded by a deadline.
 */
class TcpMembershipTest {
    private static final int IDS = 6;
    private static final List<Integer> BOOTSTRAP = List.of(1, 2, 3);
    private static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final long WAIT_SECONDS = 30;

    private final RaftServer[] servers = new RaftServer[IDS + 1];
    private final ServerSocket[] sockets = new ServerSocket[IDS + 1];
    private final Map<Integer, InetSocketAddress> book = new TreeMap<>();
    /** Every observation of every server, in arrival order; waiters are completed as matches arrive. */
    private final List<Observation> journal = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Predicate<Observation>, CompletableFuture<Observation>>> waiters =
            new CopyOnWriteArrayList<>();
    private long sequence;
    @TempDir
    Path root;

    private final RaftObserver observer = new RaftObserver() {
        @Override
        public void observe(Observation o) {
            journal.add(o);
            for (Map.Entry<Predicate<Observation>, CompletableFuture<Observation>> w : waiters) {
                if (w.getKey().test(o)) {
                    w.getValue().complete(o);
                }
            }
        }
    };

    @BeforeEach
    void bindEveryAddress() throws IOException {
        for (int id = 1; id <= IDS; id++) {
            sockets[id] = bind(0);
            book.put(id, (InetSocketAddress) sockets[id].getLocalSocketAddress());
        }
    }

    @AfterEach
    void stopAll() throws IOException {
        for (int id = 1; id <= IDS; id++) {
            if (servers[id] != null) {
                servers[id].close();
            }
            sockets[id].close();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aFourthServerIsAddedThroughAFollowerPromotedAndServesReads() throws Exception {
        int leader = startBootstrap();
        write(5);
        int follower = otherThan(leader);

        start(4, identity(4, 0, SECRET), false);
        String out = admin(0, "--server", address(follower), "add", "4", "--promote");

        ClusterConfiguration c = configuration();
        assertEquals(List.of(1, 2, 3, 4), c.configuration().voters(), out);
        assertTrue(c.committed(), c.toString());
        long last = write(3);
        awaitApplied(4, last);
        assertEquals(8, localCount(4), "the new voter applied every write once, the ones before it joined too");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void leadershipMovesThroughAFollowerAndARemovedLeaderStepsDown() throws Exception {
        int first = startBootstrap();
        write(3);
        int next = otherThan(first);
        int asked = BOOTSTRAP.stream().filter(id -> id != first && id != next).findFirst().orElseThrow();

        admin(0, "--server", address(asked), "transfer-leadership", Integer.toString(next));
        assertEquals(Role.LEADER, servers[next].status().get().role());

        CompletableFuture<Observation> successor = awaitObservation(
                o -> o instanceof Observation.BecameLeader b && b.node() != next);
        String out = admin(0, "--server", address(asked), "remove", Integer.toString(next));
        Observation.BecameLeader elected = (Observation.BecameLeader) successor.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertNotEquals(next, elected.node());
        assertNotEquals(Role.LEADER, servers[next].status().get().role(), "the removed leader stepped down");
        Configuration now = configuration().configuration();
        assertFalse(now.isMember(next), out + " / " + now);
        assertEquals(2, now.voters().size(), now.toString());
        long last = write(2);
        for (int id : now.voters()) {
            awaitApplied(id, last);
            assertEquals(5, localCount(id));
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aWipedServerComesBackUnderANewIdAndIncarnationTheOldIdIsRemovedAndItRejoinsAfterARestart() throws Exception {
        int leader = startBootstrap();
        write(4);
        int wiped = otherThan(leader);
        servers[wiped].close();
        servers[wiped] = null;
        deleteTree(root.resolve("node" + wiped));

        admin(0, "--server", address(leader), "remove", Integer.toString(wiped));
        start(6, identity(wiped, 1, SECRET), true);
        Configuration joined = servers[6].joined().get(WAIT_SECONDS, TimeUnit.SECONDS).configuration();
        assertTrue(joined.isLearner(6), joined.toString());
        assertTrue(journal.stream().anyMatch(o -> o instanceof Observation.JoinAdmitted a && a.joiner() == 6
                && a.hostId() == wiped && a.incarnation() == 1), "admitted through the handshake as host " + wiped);
        admin(0, "--server", address(leader), "promote", "6");

        Configuration now = configuration().configuration();
        assertEquals(3, now.voters().size(), now.toString());
        assertTrue(now.isVoter(6) && !now.isMember(wiped), now.toString());
        long last = write(2);
        awaitApplied(6, last);
        assertEquals(6, localCount(6), "the replacement holds every write, including those before the wipe");

        servers[6].close(); // a rejoin: the same command again, its disk kept
        servers[6] = null;
        long whileDown = write(1);
        start(6, identity(wiped, 1, SECRET), true);
        assertTrue(servers[6].joined().get(WAIT_SECONDS, TimeUnit.SECONDS).configuration().isVoter(6));
        awaitApplied(6, whileDown);
        assertEquals(7, localCount(6));
        assertEquals(1, journal.stream().filter(o -> o instanceof Observation.JoinAdmitted a && a.joiner() == 6)
                .count(), "restarting with its disk needed no second admission");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aJoinWithTheWrongSecretIsRefusedAndNeverAdmitted() throws Exception {
        startBootstrap();
        write(2);
        CompletableFuture<Observation> refused = awaitObservation(o -> o instanceof Observation.JoinRejected r
                && r.joiner() == 5 && r.reason() == JoinRejection.BAD_PROOF);
        start(5, identity(5, 0, "not the secret".getBytes(StandardCharsets.UTF_8)), true);
        refused.get(WAIT_SECONDS, TimeUnit.SECONDS);

        start(4, identity(4, 0, SECRET), true); // the same handshake with the right secret goes through
        servers[4].joined().get(WAIT_SECONDS, TimeUnit.SECONDS);

        Configuration now = configuration().configuration();
        assertTrue(now.isLearner(4), now.toString());
        assertFalse(now.isMember(5), now.toString());
        assertFalse(servers[5].joined().isDone());
        assertTrue(journal.stream().noneMatch(o -> o instanceof Observation.JoinAdmitted a && a.joiner() == 5));
        assertTrue(journal.stream().filter(o -> o instanceof Observation.JoinRejected r && r.joiner() == 5).count()
                >= 1);
        long refusedByServers = 0;
        for (int id : BOOTSTRAP) {
            refusedByServers += servers[id].joinsRefused();
        }
        assertTrue(refusedByServers >= 1, "the leader that refused the proof logged and counted it");
        assertTrue(servers[1].joinsAdmitted() + servers[2].joinsAdmitted() + servers[3].joinsAdmitted() >= 1);
    }

    // ---- the cluster ----------------------------------------------------------------------------------

    /** Starts servers 1-3 and returns the first leader. */
    private int startBootstrap() throws Exception {
        CompletableFuture<Observation> leader = awaitObservation(o -> o instanceof Observation.BecameLeader);
        for (int id : BOOTSTRAP) {
            start(id, identity(id, 0, SECRET), false);
        }
        return ((Observation.BecameLeader) leader.get(WAIT_SECONDS, TimeUnit.SECONDS)).node();
    }

    private void start(int id, HostIdentity identity, boolean join) throws IOException {
        RaftServerOptions options = RaftServerOptions.defaults(RaftConfig.defaults(id, BOOTSTRAP), book,
                        root.resolve("node" + id))
                .withTickMillis(20)
                .withSnapshotEveryEntries(0)
                .withObserver(observer)
                .withIdentity(identity)
                .withJoin(join);
        if (sockets[id].isClosed()) {
            sockets[id] = bind(book.get(id).getPort());
        }
        servers[id] = RaftServer.start(options, new CounterMachine(), sockets[id]);
    }

    private static HostIdentity identity(int host, long incarnation, byte[] secret) {
        return new HostIdentity("test-cluster", host, incarnation, secret);
    }

    /** Runs the operator's admin command and requires the exit status {@code expected}; returns what it printed. */
    private String admin(int expected, String... args) {
        StringJoiner peers = new StringJoiner(",");
        book.forEach((id, address) -> peers.add(id + "=" + address(address)));
        List<String> all = new ArrayList<>(List.of("--peers", peers.toString(), "--timeout-millis", "30000"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RaftAdmin.run(all.toArray(new String[0]), new PrintStream(out, true), new PrintStream(err, true));
        String printed = out + err.toString();
        assertEquals(expected, status, "admin " + all + " printed: " + printed);
        return printed;
    }

    private String address(int id) {
        return address(book.get(id));
    }

    private static String address(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /** The configuration as the leader reports it. */
    private ClusterConfiguration configuration() throws IOException {
        return new RaftAdmin(book, book.get(1), 30_000, new PrintStream(new ByteArrayOutputStream()))
                .leaderConfiguration();
    }

    /** Writes {@code count} increments through the leader; returns the index of the last. */
    private long write(int count) throws Exception {
        long index = 0;
        for (int i = 0; i < count; i++) {
            index = submit(++sequence);
        }
        return index;
    }

    private long submit(long seq) throws Exception {
        int target = configuration().leaderId();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (RaftClient client = RaftClient.connect(book.get(target), 10_000)) {
                SubmitResult result = client.submit(77, seq, "inc".getBytes(StandardCharsets.UTF_8));
                if (result instanceof SubmitResult.Ok ok) {
                    return ok.index();
                }
                target = configuration().leaderId();
            }
        }
        throw new AssertionError("no leader accepted write " + seq);
    }

    private void awaitApplied(int id, long index) throws Exception {
        CompletableFuture<Observation> applied = awaitObservation(
                o -> o instanceof Observation.Applied a && a.node() == id && a.index() >= index);
        if (journal.stream().noneMatch(o -> o instanceof Observation.Applied a && a.node() == id
                && a.index() >= index)) {
            applied.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private long localCount(int id) throws Exception {
        ReadOutcome.Ok local = assertInstanceOf(ReadOutcome.Ok.class,
                servers[id].read(ReadMode.LOCAL, new byte[0]).get(WAIT_SECONDS, TimeUnit.SECONDS));
        return CounterMachine.decode(local.result());
    }

    private CompletableFuture<Observation> awaitObservation(Predicate<Observation> match) {
        CompletableFuture<Observation> future = new CompletableFuture<>();
        waiters.add(Map.entry(match, future));
        return future;
    }

    private static int otherThan(int id) {
        return BOOTSTRAP.stream().filter(other -> other != id).findFirst().orElseThrow();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
