package io.tumbler.raft.runtime;

import io.tumbler.raft.KnownBugs;
import io.tumbler.raft.RaftConfig;
import io.tumbler.vm.VmStateMachine;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs one node of the VM-orchestration cluster from flags:
 * {@code --id 1 --peers 1=host:port,2=host:port,3=host:port --data DIR [--tick-millis 50] [--exit-with PID]
 * [--metrics-port P]}.
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
        TreeMap<String, String> flags = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0 || !flags.containsKey("id") || !flags.containsKey("peers") || !flags.containsKey("data")) {
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
        System.out.println("node " + id + " serving on " + server.address() + ", data in " + options.dataDirectory());
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

    /** The options the flags describe; a malformed number or an unknown bug name is one {@code error:} line, exit 2. */
    private static RaftServerOptions optionsOrRefuse(TreeMap<String, String> flags) {
        try {
            int id = Integer.parseInt(flags.get("id"));
            TreeMap<Integer, InetSocketAddress> addresses = parsePeers(flags.get("peers"));
            RaftConfig raft = RaftConfig.defaults(id, new ArrayList<>(addresses.keySet()))
                    .withKnownBugs(KnownBugs.parse(flags.getOrDefault("bug", "")));
            return RaftServerOptions.defaults(raft, addresses, Path.of(flags.get("data")))
                    .withTickMillis(Long.parseLong(flags.getOrDefault("tick-millis", "50")));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            throw e; // not reached: usage exits
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

    private static TreeMap<Integer, InetSocketAddress> parsePeers(String spec) {
        TreeMap<Integer, InetSocketAddress> addresses = new TreeMap<>();
        for (String part : List.of(spec.split(","))) {
            String[] idAndAddress = part.split("=", 2);
            int colon = idAndAddress.length == 2 ? idAndAddress[1].lastIndexOf(':') : -1;
            if (colon < 0) {
                usage("peer '" + part + "' is not id=host:port");
            }
            String host = idAndAddress[1].substring(0, colon);
            int port = Integer.parseInt(idAndAddress[1].substring(colon + 1));
            addresses.put(Integer.parseInt(idAndAddress[0]), new InetSocketAddress(host, port));
        }
        return addresses;
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: --id N --peers 1=host:port,2=host:port,... --data DIR [--tick-millis 50]"
                + " [--exit-with PID] [--metrics-port P]");
        System.exit(2);
    }
}
