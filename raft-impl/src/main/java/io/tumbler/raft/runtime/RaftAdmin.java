package io.tumbler.raft.runtime;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Role;
import io.tumbler.raft.node.ConfigChangeOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's membership tool: talks the admin ops of {@link ClientProtocol} to a cluster of
 * {@link RaftServer}s, following {@code NotLeader} hints through the address book and retrying the refusals that
 * pass by themselves ({@code CHANGE_IN_FLIGHT}, {@code NO_CURRENT_TERM_COMMIT}, {@code TRANSFER_IN_PROGRESS}) until
 * its deadline.
 *
 * <pre>
 * RaftAdmin --peers 1=host:port,2=host:port,... [--server HOST:PORT] [--timeout-millis 30000] OP [ID]
 *   OP = add ID [--promote] | promote ID | remove ID | transfer-leadership ID | configuration
 * </pre>
 *
 * <p>{@code --peers} is the same address book the servers run with (it is how a hint, a node id, becomes an
 * address); {@code --server} is where to ask first (default: the first peer). {@code add ID --promote} adds the
 * learner, waits until the leader reports its log matching up to the leader's commit index, then promotes
 * it; {@code promote ID} waits for the same before promoting. Every change is one {@code RaftNode.proposeConfigChange} on the leader, exactly as in
 * simulation.
 *
 * <p>Prints one line per step; exits 0 when the operation took effect, 1 when the cluster refused it or its
 * outcome is unknown by the deadline (read {@code configuration} and decide), 2 on bad arguments.
 */
public final class RaftAdmin {
    private static final long RETRY_MILLIS = 100;

    private final TreeMap<Integer, InetSocketAddress> peers;
    private final long deadlineNanos;
    private final int callTimeoutMillis;
    private final PrintStream log;
    private InetSocketAddress target;

    /**
     * An admin session that asks {@code first}, follows hints through {@code peers} and gives up
     * {@code timeoutMillis} from now; progress lines go to {@code log}.
     */
    public RaftAdmin(Map<Integer, InetSocketAddress> peers, InetSocketAddress first, long timeoutMillis,
                     PrintStream log) {
        this.peers = new TreeMap<>(peers);
        this.target = first;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.callTimeoutMillis = 10_000;
        this.log = log;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one admin command; returns the exit status (see the type's Javadoc). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        AdminCommand command;
        try {
            command = AdminCommand.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: RaftAdmin --peers 1=host:port,... [--server HOST:PORT] [--timeout-millis 30000] "
                    + "(add ID [--promote] | promote ID | remove ID | transfer-leadership ID | configuration)");
            return 2;
        }
        RaftAdmin admin = new RaftAdmin(command.peers(), command.server(), command.timeoutMillis(), out);
        try {
            return admin.execute(command) ? 0 : 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private boolean execute(AdminCommand command) throws IOException {
        switch (command.op()) {
            case "add":
                return add(command.node(), command.promote());
            case "promote":
                return promote(command.node());
            case "remove":
                return committed(change(new ConfigChange.Remove(command.node())));
            case "transfer-leadership":
                return transfer(command.node());
            default:
                log.println(leaderConfiguration());
                return true;
        }
    }

    /** Adds {@code node} as a learner and, if asked, promotes it once it has caught up. */
    public boolean add(int node, boolean promote) throws IOException {
        ConfigChangeOutcome added = change(new ConfigChange.AddLearner(node));
        if (!committed(added)) {
            return false;
        }
        if (!promote) {
            return true;
        }
        return promote(node);
    }

    /**
     * Promotes learner {@code node} once the leader reports its log matching up to the leader's commit index as
     * first seen here: a voter that lags would hold back every commit until it caught up.
     */
    public boolean promote(int node) throws IOException {
        long index = leaderConfiguration().commitIndex();
        if (!awaitCaughtUp(node, index)) {
            log.println("node " + node + " did not catch up to index " + index + " in time; not promoted");
            return false;
        }
        return committed(change(new ConfigChange.PromoteLearner(node)));
    }

    private boolean committed(ConfigChangeOutcome outcome) {
        log.println(describe(outcome));
        return outcome instanceof ConfigChangeOutcome.Committed;
    }

    /**
     * Proposes {@code change} on the leader: follows hints, retries passing refusals and connection failures, and
     * returns the first other answer, or the last one seen at the deadline.
     */
    public ConfigChangeOutcome change(ConfigChange change) throws IOException {
        ConfigChangeOutcome last = new ConfigChangeOutcome.Unknown("no server answered before the deadline");
        while (System.nanoTime() < deadlineNanos) {
            try (RaftClient client = RaftClient.connect(target, callTimeoutMillis)) {
                last = client.changeMembership(change);
            } catch (IOException e) {
                last = new ConfigChangeOutcome.Unknown(target + ": " + e.getMessage());
                nextServer(0);
                continue;
            }
            if (last instanceof ConfigChangeOutcome.NotLeader n) {
                nextServer(n.leaderHint());
            } else if (!passing(last)) {
                return last;
            } else {
                pause();
            }
        }
        return last;
    }

    /** Starts a leadership transfer on the leader and waits until {@code node} reports itself leader. */
    public boolean transfer(int node) throws IOException {
        while (System.nanoTime() < deadlineNanos) {
            if (leads(node)) {
                log.println("node " + node + " leads");
                return true;
            }
            TransferOutcome outcome = callTransfer(node);
            if (outcome == null) {
                nextServer(0);
            } else if (outcome instanceof TransferOutcome.Refused r) {
                log.println("refused: " + r.reason());
                return false;
            } else if (outcome instanceof TransferOutcome.NotLeader n) {
                nextServer(n.leaderHint());
            } else {
                log.println("transfer to node " + node + " started");
                pause();
            }
        }
        log.println("node " + node + " did not take over before the deadline");
        return false;
    }

    /** True if {@code node}, asked at its address-book entry, reports itself leader. */
    private boolean leads(int node) {
        InetSocketAddress address = peers.get(node);
        if (address == null) {
            return false;
        }
        try (RaftClient client = RaftClient.connect(address, callTimeoutMillis)) {
            return client.status().role() == Role.LEADER;
        } catch (IOException e) {
            return false;
        }
    }

    /** The current server's answer, or null if it could not be reached. */
    private TransferOutcome callTransfer(int node) {
        try (RaftClient client = RaftClient.connect(target, callTimeoutMillis)) {
            return client.transferLeadership(node);
        } catch (IOException e) {
            return null;
        }
    }

    /** The configuration as the leader reports it (or, if none is found by the deadline, the last server asked). */
    public ClusterConfiguration leaderConfiguration() throws IOException {
        IOException failure = null;
        ClusterConfiguration last = null;
        while (System.nanoTime() < deadlineNanos) {
            try (RaftClient client = RaftClient.connect(target, callTimeoutMillis)) {
                last = client.configuration();
                if (last.role() == Role.LEADER) {
                    return last;
                }
                nextServer(last.leaderId());
            } catch (IOException e) {
                failure = e;
                nextServer(0);
            }
        }
        if (last != null) {
            return last;
        }
        throw new IOException("no server answered a configuration query: " + failure, failure);
    }

    /** Waits until the leader reports {@code node}'s log matching up to {@code index}. */
    private boolean awaitCaughtUp(int node, long index) throws IOException {
        while (System.nanoTime() < deadlineNanos) {
            ClusterConfiguration c = leaderConfiguration();
            long match = c.matchIndex().getOrDefault(node, 0L);
            if (c.role() == Role.LEADER && match >= index) {
                log.println("node " + node + " caught up (match " + match + " >= " + index + ")");
                return true;
            }
            pause();
        }
        return false;
    }

    /** Moves to the hinted node, or (no usable hint) to the next address of the book after the current one. */
    private void nextServer(int hint) {
        if (hint != 0 && peers.containsKey(hint) && !peers.get(hint).equals(target)) {
            target = peers.get(hint);
            return;
        }
        List<InetSocketAddress> book = new ArrayList<>(peers.values());
        int at = book.indexOf(target);
        target = book.get((at + 1) % book.size());
        pause();
    }

    private static boolean passing(ConfigChangeOutcome outcome) {
        if (!(outcome instanceof ConfigChangeOutcome.Refused r)) {
            return false;
        }
        ConfigChangeResult.Reason reason = r.reason();
        return reason == ConfigChangeResult.Reason.CHANGE_IN_FLIGHT
                || reason == ConfigChangeResult.Reason.NO_CURRENT_TERM_COMMIT
                || reason == ConfigChangeResult.Reason.TRANSFER_IN_PROGRESS;
    }

    private static String describe(ConfigChangeOutcome outcome) {
        if (outcome instanceof ConfigChangeOutcome.Committed c) {
            return "committed at index " + c.index() + ": " + c.configuration();
        }
        if (outcome instanceof ConfigChangeOutcome.Refused r) {
            return "refused (" + r.reason() + "): " + r.detail();
        }
        if (outcome instanceof ConfigChangeOutcome.NotLeader n) {
            return "no leader found (last hint " + n.leaderHint() + ")";
        }
        return "outcome unknown: " + outcome + "; run 'configuration' and decide";
    }

    /** The operator's clock, not the node's: a pause between polls of a live cluster. */
    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
