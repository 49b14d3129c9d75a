package io.tumbler.raft.runtime;

import io.tumbler.raft.RaftConfig;
import io.tumbler.vm.VmStateMachine;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs one node of the VM-orchestration cluster from flags:
 * {@code --id 1 --peers 1=host:port,2=host:port,3=host:port --data DIR [--tick-millis 50]}.
 * Exits 1 when the node halts (fail-stop; restart it to recover from its directory), 2 on bad flags.
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
        int id = Integer.parseInt(flags.get("id"));
        TreeMap<Integer, InetSocketAddress> addresses = parsePeers(flags.get("peers"));
        RaftConfig raft = RaftConfig.defaults(id, new ArrayList<>(addresses.keySet()));
        RaftServerOptions options = RaftServerOptions.defaults(raft, addresses, Path.of(flags.get("data")))
                .withTickMillis(Long.parseLong(flags.getOrDefault("tick-millis", "50")));
        RaftServer server = RaftServer.start(options, new VmStateMachine());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "raft-shutdown"));
        System.out.println("node " + id + " serving on " + server.address() + ", data in " + options.dataDirectory());
        String reason = server.halted().get();
        System.err.println("node " + id + " halted: " + reason);
        System.exit(1);
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
        System.err.println("usage: --id N --peers 1=host:port,2=host:port,... --data DIR [--tick-millis 50]");
        System.exit(2);
    }
}
