package io.tumbler.raft.runtime;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.TreeMap;

/**
 * One {@link RaftAdmin} command line, parsed: where to ask, the address book, the operation and its node.
 *
 * @param peers         the cluster's address book, node id to address
 * @param server        where to ask first
 * @param timeoutMillis how long the whole command may take
 * @param op            add, promote, remove, transfer-leadership or configuration
 * @param node          the node the operation is about (0 for configuration)
 * @param promote       for add: promote the learner once it caught up
 */
record AdminCommand(TreeMap<Integer, InetSocketAddress> peers, InetSocketAddress server, long timeoutMillis,
                    String op, int node, boolean promote) {
    private static final List<String> OPS = List.of("add", "promote", "remove", "transfer-leadership", "configuration");

    /** Parses {@code args}; anything malformed throws {@link IllegalArgumentException} with what was expected. */
    static AdminCommand parse(String[] args) {
        TreeMap<String, String> flags = new TreeMap<>();
        List<String> words = new java.util.ArrayList<>();
        boolean promote = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--promote")) {
                promote = true;
            } else if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                flags.put(args[i].substring(2), args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        if (!flags.containsKey("peers")) {
            throw new IllegalArgumentException("--peers (the cluster's address book) is required");
        }
        TreeMap<Integer, InetSocketAddress> peers = AddressBook.parse(flags.get("peers"));
        InetSocketAddress server = flags.containsKey("server") ? AddressBook.address(flags.get("server"))
                : peers.firstEntry().getValue();
        if (words.isEmpty() || !OPS.contains(words.get(0))) {
            throw new IllegalArgumentException("expected one of " + OPS + ", got " + words);
        }
        String op = words.get(0);
        boolean needsNode = !op.equals("configuration");
        if (words.size() != (needsNode ? 2 : 1)) {
            throw new IllegalArgumentException(op + (needsNode ? " takes one node id" : " takes no argument"));
        }
        if (promote && !op.equals("add")) {
            throw new IllegalArgumentException("--promote goes with add only");
        }
        int node = needsNode ? Integer.parseInt(words.get(1)) : 0;
        long timeout = Long.parseLong(flags.getOrDefault("timeout-millis", "30000"));
        return new AdminCommand(peers, server, timeout, op, node, promote);
    }
}
