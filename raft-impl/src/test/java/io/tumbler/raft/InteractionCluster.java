package io.tumbler.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The interpreter behind the golden interaction tests: N real cores wired by an in-test message
 * queue (FIFO; links can be cut), each run through the Ready contract by {@link TestNode}. Every
 * message crosses {@link MessageCodec}. After each command the {@link SafetyChecker} looks at all
 * nodes. Commands are documented in {@code src/test/resources/interaction/README.md}.
 */
final class InteractionCluster {
    private static final int STABILIZE_LIMIT_ROUNDS = 10_000;

    private final TreeMap<Integer, TestNode> nodes = new TreeMap<>();
    private final List<Message> network = new ArrayList<>();
    private final TreeSet<String> cutLinks = new TreeSet<>();
    private final SafetyChecker checker = new SafetyChecker();
    /** "node/request" -> the highest commit index any node knew when the read was asked. */
    private final TreeMap<String, Long> readFloors = new TreeMap<>();
    private List<String> out;
    private boolean quiet;
    /** The bootstrap peers and options of {@code add-nodes}, for nodes that join later. */
    private List<Integer> bootstrapPeers = List.of();
    private TreeMap<String, String> bootstrapOptions = new TreeMap<>();
    /** Known bugs switched on in every node created after the {@code bugs} command. */
    private KnownBugs bugs = KnownBugs.NONE;

    /** Runs one command line and returns its output. */
    String run(String line) {
        out = new ArrayList<>();
        List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
        quiet = words.remove("quiet");
        String verb = words.remove(0);
        execute(verb, words);
        nodes.values().stream().filter(n -> !n.crashed).forEach(n -> checker.observeRole(n.id, n.core.status()));
        checkReadsAreFresh();
        checker.checkCommitQuorums(nodes);
        nodes.values().stream().filter(n -> !n.crashed && !n.core.hasReady()).forEach(checker::checkConfigurationMatchesLog);
        return out.isEmpty() ? "ok" : String.join("\n", out);
    }

    private void execute(String verb, List<String> args) {
        switch (verb) {
            case "add-nodes": addNodes(args); break;
            case "bugs": bugs = KnownBugs.parse(args.get(0)); break;
            case "add-node": addJoiningNode(Integer.parseInt(args.get(0))); break;
            case "add-learner": changeConfig(node(args.get(0)), new ConfigChange.AddLearner(Integer.parseInt(args.get(1)))); break;
            case "promote": changeConfig(node(args.get(0)), new ConfigChange.PromoteLearner(Integer.parseInt(args.get(1)))); break;
            case "remove": changeConfig(node(args.get(0)), new ConfigChange.Remove(Integer.parseInt(args.get(1)))); break;
            case "config": config(args.isEmpty() ? "all" : args.get(0)); break;
            case "tick": tick(nodeIds(args.get(0)), times(args)); break;
            case "run": runRounds(times(args)); break;
            case "campaign": node(args.get(0)).core.campaign(); processReadies(); break;
            case "stabilize": stabilize(); break;
            case "deliver": deliver(linkFilter(args)); break;
            case "drop": drop(linkFilter(args)); break;
            case "partition": partition(String.join(" ", args)); break;
            case "isolate": partition(args.get(0) + " | " + others(Integer.parseInt(args.get(0)))); break;
            case "cut": cutLinks.addAll(args); break;
            case "heal": cutLinks.clear(); break;
            case "propose": propose(node(args.get(0)), args.subList(1, args.size())); break;
            case "read-index": read(node(args.get(0)), args.subList(1, args.size()), false); break;
            case "lease-read": read(node(args.get(0)), args.subList(1, args.size()), true); break;
            case "transfer": node(args.get(0)).core.transferLeadership(Integer.parseInt(args.get(1))); processReadies(); break;
            case "compact": compact(node(args.get(0)), args); break;
            case "crash": node(args.get(0)).crash(); break;
            case "restart": node(args.get(0)).restart(); processReadies(); break;
            case "unreachable": node(args.get(0)).core.reportUnreachable(Integer.parseInt(args.get(1))); processReadies(); break;
            case "status": status(args.isEmpty() ? "all" : args.get(0)); break;
            case "log": log(node(args.get(0))); break;
            default: throw new IllegalArgumentException("unknown command '" + verb + "'");
        }
    }

    private void addNodes(List<String> args) {
        int count = Integer.parseInt(args.get(0));
        TreeMap<String, String> options = new TreeMap<>();
        args.subList(1, args.size()).forEach(a -> options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        List<Integer> peers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            peers.add(i);
        }
        for (int id : peers) {
            RaftConfig config = configure(new RaftConfig(id, peers, 10, 1, false, false, 64, 1 << 20, 256, 0, 2), options)
                    .withKnownBugs(bugs);
            nodes.put(id, new TestNode(config, Long.parseLong(options.getOrDefault("seed", "7")) * 100 + id));
        }
        bootstrapPeers = List.copyOf(peers);
        bootstrapOptions = options;
        out.add("nodes " + peers + " " + options);
    }

    /** A node that joins the running cluster: the same bootstrap peers and options, its own id outside them. */
    private void addJoiningNode(int id) {
        if (nodes.containsKey(id) || bootstrapPeers.isEmpty()) {
            throw new IllegalArgumentException("node " + id + " exists, or add-nodes did not run yet");
        }
        RaftConfig config = configure(new RaftConfig(id, bootstrapPeers, 10, 1, false, false, 64, 1 << 20, 256, 0, 2),
                bootstrapOptions).withKnownBugs(bugs);
        nodes.put(id, new TestNode(config, Long.parseLong(bootstrapOptions.getOrDefault("seed", "7")) * 100 + id));
        out.add("node " + id + " joins outside " + bootstrapPeers);
    }

    private void changeConfig(TestNode n, ConfigChange change) {
        checker.checkCommitQuorums(nodes); // judge commits under the configuration they were decided in
        out.add(n.id + ": " + change + " -> " + n.core.proposeConfigChange(change));
        processReadies();
    }

    private void config(String selector) {
        for (int id : nodeIds(selector)) {
            TestNode n = nodes.get(id);
            out.add(id + ": " + (n.crashed ? "crashed" : n.core.configuration().configuration() + " from index "
                    + n.core.configuration().index()));
        }
    }

    private static RaftConfig configure(RaftConfig base, TreeMap<String, String> options) {
        RaftConfig c = base;
        for (var option : options.entrySet()) {
            String v = option.getValue();
            switch (option.getKey()) {
                case "prevote": c = c.withPreVote(Boolean.parseBoolean(v)); break;
                case "checkquorum": c = c.withCheckQuorum(Boolean.parseBoolean(v)); break;
                case "election": c = c.withElectionTimeoutTicks(Integer.parseInt(v)); break;
                case "heartbeat": c = c.withHeartbeatIntervalTicks(Integer.parseInt(v)); break;
                case "max-append": c = c.withMaxEntriesPerAppend(Integer.parseInt(v)); break;
                case "max-inflight": c = c.withMaxInflightAppends(Integer.parseInt(v)); break;
                case "max-uncommitted": c = c.withMaxUncommittedEntries(Integer.parseInt(v)); break;
                case "drift": c = c.withLeaseDriftBoundTicks(Integer.parseInt(v)); break;
                case "seed": break;
                default: throw new IllegalArgumentException("unknown option " + option.getKey());
            }
        }
        return c;
    }

    private void tick(List<Integer> ids, int times) {
        for (int i = 0; i < times; i++) {
            for (int id : ids) {
                TestNode n = nodes.get(id);
                if (!n.crashed) {
                    n.core.tick();
                }
            }
            processReadies();
        }
    }

    /** Rounds of: every live node ticks once, then the network is stabilized. */
    private void runRounds(int times) {
        for (int i = 0; i < times; i++) {
            tick(List.copyOf(nodes.keySet()), 1);
            stabilize();
        }
    }

    private void stabilize() {
        for (int round = 0; round < STABILIZE_LIMIT_ROUNDS; round++) {
            processReadies();
            if (network.isEmpty()) {
                return;
            }
            deliver(m -> true);
        }
        throw new AssertionError("cluster did not stabilize within " + STABILIZE_LIMIT_ROUNDS + " rounds");
    }

    /** Delivers the queued messages the filter selects (not the answers they cause), then runs Readies. */
    private void deliver(Predicate<Message> filter) {
        List<Message> batch = network.stream().filter(filter).collect(Collectors.toList());
        network.removeAll(batch);
        for (Message m : batch) {
            TestNode target = nodes.get(m.to());
            if (target == null || target.crashed || cutLinks.contains(m.from() + "->" + m.to())) {
                if (!quiet) {
                    out.add("dropped " + MessageText.describe(m));
                }
            } else {
                target.core.step(m);
                checker.checkCommitQuorums(nodes); // at the decision, before a removed leader's step-down
            }
        }
        processReadies();
    }

    private void drop(Predicate<Message> filter) {
        List<Message> batch = network.stream().filter(filter).collect(Collectors.toList());
        network.removeAll(batch);
        batch.forEach(m -> out.add("dropped " + MessageText.describe(m)));
    }

    private void processReadies() {
        boolean any = true;
        while (any) {
            any = false;
            for (TestNode n : nodes.values()) {
                if (!n.crashed && n.core.hasReady()) {
                    n.execute(n.core.ready(), network, checker, out, quiet);
                    any = true;
                }
            }
        }
    }

    private void partition(String spec) {
        List<List<Integer>> groups = new ArrayList<>();
        for (String group : spec.split("\\|")) {
            groups.add(Arrays.stream(group.trim().split("\\s+")).map(Integer::parseInt).collect(Collectors.toList()));
        }
        for (List<Integer> a : groups) {
            for (List<Integer> b : groups) {
                if (a != b) {
                    a.forEach(x -> b.forEach(y -> cutLinks.add(x + "->" + y)));
                }
            }
        }
        out.add("cut " + cutLinks);
    }

    private String others(int id) {
        return nodes.keySet().stream().filter(n -> n != id).map(String::valueOf).collect(Collectors.joining(" "));
    }

    private void propose(TestNode n, List<String> commands) {
        for (String command : commands) {
            out.add(n.id + ": propose \"" + command + "\" -> " + n.core.propose(command.getBytes(StandardCharsets.UTF_8)));
        }
        processReadies();
    }

    /** Several request ids in one command are registered before any Ready is taken. */
    private void read(TestNode n, List<String> requestIds, boolean lease) {
        long floor = nodes.values().stream()
                .mapToLong(x -> x.crashed ? x.hardState.commitIndex() : x.core.status().commitIndex()).max().orElse(0);
        for (String id : requestIds) {
            long requestId = Long.parseLong(id);
            readFloors.put(n.id + "/" + requestId, floor);
            ReadResult result = lease ? n.core.leaseRead(requestId) : n.core.readIndex(requestId);
            out.add(n.id + ": " + (lease ? "lease-read " : "read-index ") + requestId + " -> " + result);
        }
        processReadies();
    }

    /** Linearizability of reads: a read must reflect every entry known committed when it was asked. */
    private void checkReadsAreFresh() {
        for (TestNode n : nodes.values()) {
            for (ReadState read : n.servedReads) {
                Long floor = readFloors.remove(n.id + "/" + read.requestId());
                if (floor != null && read.readIndex() < floor) {
                    throw new AssertionError("stale read " + read.requestId() + " on node " + n.id + ": served at index "
                            + read.readIndex() + " but index " + floor + " was committed when it was asked");
                }
            }
            n.servedReads.clear();
        }
    }

    private void compact(TestNode n, List<String> args) {
        long index = args.size() > 1 ? Long.parseLong(args.get(1)) : n.appliedIndex;
        n.compact(index);
        Status s = n.core.status();
        out.add(n.id + ": compacted to " + index + ", log now " + s.firstIndex() + ".." + s.lastIndex());
    }

    private void status(String selector) {
        for (int id : nodeIds(selector)) {
            TestNode n = nodes.get(id);
            if (n.crashed) {
                out.add(id + ": crashed");
                continue;
            }
            Status s = n.core.status();
            out.add(id + ": " + s.role() + " term=" + s.term() + " vote=" + s.votedFor() + " leader=" + s.leaderId()
                    + " commit=" + s.commitIndex() + " applied=" + s.appliedIndex() + " log=" + s.firstIndex() + ".."
                    + s.lastIndex() + (s.transferTarget() != 0 ? " transferring-to=" + s.transferTarget() : ""));
            for (PeerStatus p : s.progress()) {
                out.add("   " + p.id() + ": match=" + p.matchIndex() + " next=" + p.nextIndex() + " " + p.state()
                        + " inflight=" + p.inflight());
            }
        }
    }

    private void log(TestNode n) {
        String snap = n.snapshot == null ? "none" : n.snapshot.meta().index() + "@" + n.snapshot.meta().term();
        out.add(n.id + ": hard term=" + n.hardState.term() + " vote=" + n.hardState.votedFor() + " commit="
                + n.hardState.commitIndex() + " snapshot=" + snap + " applied=" + n.appliedIndex);
        out.add(n.id + ": stored " + MessageText.entries(n.stored));
    }

    private List<Integer> nodeIds(String selector) {
        if (selector.equals("all")) {
            return List.copyOf(nodes.keySet());
        }
        return Arrays.stream(selector.split(",")).map(Integer::parseInt).collect(Collectors.toList());
    }

    /** The node called {@code id}, for tests that look past the printed output. */
    TestNode node(int id) {
        return node(String.valueOf(id));
    }

    private TestNode node(String id) {
        TestNode n = nodes.get(Integer.parseInt(id));
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    private static int times(List<String> args) {
        return args.stream().filter(a -> a.startsWith("x")).map(a -> Integer.parseInt(a.substring(1))).findFirst().orElse(1);
    }

    /** {@code a->b} selects one link; no argument selects every queued message. */
    private static Predicate<Message> linkFilter(List<String> args) {
        if (args.isEmpty()) {
            return m -> true;
        }
        String[] ends = args.get(0).split("->");
        int from = ends[0].equals("*") ? 0 : Integer.parseInt(ends[0]);
        int to = ends[1].equals("*") ? 0 : Integer.parseInt(ends[1]);
        return m -> (from == 0 || m.from() == from) && (to == 0 || m.to() == to);
    }
}
