package io.tumbler.raft.runtime;

import io.tumbler.raft.KnownBugs;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.membership.HostIdentity;
import io.tumbler.vm.VmStateMachine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs one node of the VM-orchestration cluster from flags:
 * {@code --id 1 --peers 1=host:port,2=host:port,3=host:port --data DIR [--voters 1,2,3] [--secret-file F
 * [--cluster-id C] [--host H] [--incarnation I] [--join]] [--tick-millis 50] [--exit-with PID] [--metrics-port P]};
 * or, as {@code admin ...}, the operator's {@link RaftAdmin}.
 *
 * <p><b>Membership.</b> {@code --peers} is the static address book and may name ids beyond the bootstrap
 * configuration, {@code --voters} (default: every peer; the same on every node, joiners included). With
 * {@code --secret-file} the server takes part in the join handshake as host {@code --host} (default: its id) in
 * {@code --incarnation} (default 0) of cluster {@code --cluster-id} (default {@code tumbler}): as leader it
 * verifies joiners, and with {@code --join} (an id outside the voters) it asks to be admitted until a committed
 * configuration names it. A wiped host comes back under a new node id and a higher incarnation.
 *
 * <p>{@code --peers} is this node's own view: its entry for itself is the address it listens on, the others
 * are where it sends to each peer (a supervisor may put a proxy there). {@code --exit-with PID} makes the node
 * exit when that process ends, so a supervisor that is itself killed leaves no orphan server behind.
 * {@code --metrics-port P} serves status and counters on {@code http://<listen host>:P/metrics} in the
 * Prometheus text format ({@link MetricsEndpoint}). {@code --bug NAMES} exists only to show that the production server refuses deliberate bugs.
 *
 * <p>Exits 1 when the node halts (fail-stop; restart it to recover from its directory), 2 on bad flags or a
 * refused configuration (one line on stderr starting with {@code error:}), 3 when the {@code --exit-with}
 * process ended.
 */
public final class RaftServerMain {
    private RaftServerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(RaftAdmin.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        TreeMap<String, String> flags = parseFlags(args);
        if (!flags.containsKey("id") || !flags.containsKey("peers") || !flags.containsKey("data")) {
            usage("--id, --peers and --data are required");
        }
        RaftServerOptions options = optionsOrRefuse(flags);
        int id = options.raft().id();
        if (flags.containsKey("exit-with")) {
            exitWith(Long.parseLong(flags.get("exit-with")), id);
        }
        ServerMetrics metrics = new ServerMetrics(options.observer());
        RaftServer server = startOrRefuse(flags.containsKey("metrics-port") ? options.withObserver(metrics) : options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "raft-shutdown"));
        System.out.println("node " + id + " serving on " + server.address() + ", data in " + options.dataDirectory()
                + (options.join() ? ", joining as " + options.identity() : ""));
        server.joined().thenAccept(c -> System.out.println("node " + id + " joined: " + c.configuration()));
        if (flags.containsKey("metrics-port")) {
            InetSocketAddress at = new InetSocketAddress(server.address().getAddress(),
                    Integer.parseInt(flags.get("metrics-port")));
            System.out.println("node " + id + " metrics on http:/" + MetricsEndpoint.start(at, server, metrics).address()
                    + "/metrics");
        }
        String reason = server.halted().get();
        System.err.println("node " + id + " halted: " + reason);
        System.exit(1);
    }

    /** {@code --name value} pairs; {@code --join} stands alone. */
    private static TreeMap<String, String> parseFlags(String[] args) {
        TreeMap<String, String> flags = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            } else if (args[i].equals("--join")) {
                flags.put("join", "true");
            } else if (i + 1 < args.length) {
                flags.put(args[i].substring(2), args[++i]);
            } else {
                usage(args[i] + " needs a value");
            }
        }
        return flags;
    }

    /** The options the flags describe; a malformed number or an unknown bug name is one {@code error:} line, exit 2. */
    private static RaftServerOptions optionsOrRefuse(TreeMap<String, String> flags) {
        try {
            int id = Integer.parseInt(flags.get("id"));
            TreeMap<Integer, InetSocketAddress> addresses = AddressBook.parse(flags.get("peers"));
            List<Integer> voters = flags.containsKey("voters") ? parseIds(flags.get("voters"))
                    : new ArrayList<>(addresses.keySet());
            RaftConfig raft = RaftConfig.defaults(id, voters)
                    .withKnownBugs(KnownBugs.parse(flags.getOrDefault("bug", "")));
            return RaftServerOptions.defaults(raft, addresses, Path.of(flags.get("data")))
                    .withTickMillis(Long.parseLong(flags.getOrDefault("tick-millis", "50")))
                    .withIdentity(identity(flags, id))
                    .withJoin(flags.containsKey("join"));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            throw e; // not reached: usage exits
        } catch (java.io.IOException e) {
            usage("cannot read the secret file: " + e);
            throw new IllegalStateException(e); // not reached: usage exits
        }
    }

    /** Starts the server; a configuration the server refuses (a known bug) is one {@code error:} line and exit 2. */
    private static RaftServer startOrRefuse(RaftServerOptions options) throws java.io.IOException {
        try {
            return RaftServer.start(options, new VmStateMachine());
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            throw e; // not reached: usage exits
        }
    }

    /** Exits (status 3) as soon as process {@code pid} ends, or at once if it is already gone. */
    private static void exitWith(long pid, int id) {
        ProcessHandle.of(pid).ifPresentOrElse(
                supervisor -> supervisor.onExit().thenRun(() -> {
                    System.err.println("node " + id + ": supervisor " + pid + " ended; exiting");
                    Runtime.getRuntime().halt(3);
                }),
                () -> {
                    System.err.println("node " + id + ": supervisor " + pid + " is not running; exiting");
                    System.exit(3);
                });
    }

    private static List<Integer> parseIds(String spec) {
        List<Integer> ids = new ArrayList<>();
        for (String part : spec.split(",")) {
            ids.add(Integer.parseInt(part.trim()));
        }
        return ids;
    }

    /**
     * The host identity the flags describe, or null without {@code --secret-file}. The secret is the file's bytes
     * without trailing whitespace; it never appears on the command line, where {@code ps} would show it.
     */
    private static HostIdentity identity(TreeMap<String, String> flags, int id) throws java.io.IOException {
        if (!flags.containsKey("secret-file")) {
            if (flags.containsKey("join")) {
                usage("--join needs --secret-file (the cluster secret the join proof is signed with)");
            }
            return null;
        }
        Path file = Path.of(flags.get("secret-file"));
        String secret = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
        if (secret.isEmpty()) {
            usage("secret file " + file + " is empty");
        }
        int host = Integer.parseInt(flags.getOrDefault("host", Integer.toString(id)));
        long incarnation = Long.parseLong(flags.getOrDefault("incarnation", "0"));
        return new HostIdentity(flags.getOrDefault("cluster-id", "tumbler"), host, incarnation,
                secret.getBytes(StandardCharsets.UTF_8));
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: --id N --peers 1=host:port,2=host:port,... --data DIR [--voters 1,2,3]"
                + " [--secret-file F [--cluster-id C] [--host H] [--incarnation I] [--join]] [--tick-millis 50]"
                + " [--exit-with PID] [--metrics-port P]");
        System.err.println("   or: admin --peers 1=host:port,... [--server HOST:PORT] (add ID [--promote] | promote ID"
                + " | remove ID | transfer-leadership ID | configuration)");
        System.exit(2);
    }
}
