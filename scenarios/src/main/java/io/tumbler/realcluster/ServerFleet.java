package io.tumbler.realcluster;

import io.tumbler.raft.Role;
import io.tumbler.raft.runtime.ServerStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every {@link ServerProcess} of one run, and the guarantee that none outlives it: {@link #close} stops them all,
 * and a JVM shutdown hook (Ctrl-C, SIGTERM, {@code System.exit}) kills whatever is still running. The children
 * also watch this JVM's pid themselves ({@code --exit-with}), which covers a harness killed with SIGKILL.
 */
final class ServerFleet implements AutoCloseable {
    private final TreeMap<Integer, ServerProcess> servers = new TreeMap<>();
    private final Thread shutdownHook;

    ServerFleet(Collection<ServerProcess> processes) {
        processes.forEach(p -> servers.put(p.id(), p));
        this.shutdownHook = new Thread(() -> servers.values().forEach(ServerProcess::destroyNow), "cluster-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    ServerProcess node(int id) {
        ServerProcess p = servers.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no node " + id + " (nodes " + servers.keySet() + ")");
        }
        return p;
    }

    List<Integer> ids() {
        return new ArrayList<>(servers.keySet());
    }

    Collection<ServerProcess> all() {
        return servers.values();
    }

    void startAll() throws IOException {
        for (ServerProcess p : servers.values()) {
            p.start();
        }
    }

    /**
     * Waits until every node answers a status request, or one exits (its log tail then says why), or
     * {@code timeoutMillis} pass.
     *
     * @throws NodeStartFailure naming the node, its exit code and the end of its log
     */
    void awaitServing(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        List<ServerProcess> waiting = new ArrayList<>(servers.values());
        while (!waiting.isEmpty()) {
            ServerProcess p = waiting.get(0);
            Integer exit = p.exitedOnItsOwn();
            if (exit != null) {
                throw new NodeStartFailure(p.id(), exit, p.logTail(20));
            }
            if (p.status(500) != null) {
                waiting.remove(0);
            } else if (System.nanoTime() > deadline) {
                throw new NodeStartFailure(p.id(), -1, "not serving after " + timeoutMillis + " ms\n" + p.logTail(20));
            } else {
                Thread.sleep(100);
            }
        }
    }

    /** Waits until some node reports itself leader; returns its id, or 0 if none did within {@code timeoutMillis}. */
    int awaitLeader(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        do {
            for (ServerProcess p : servers.values()) {
                ServerStatus s = p.isPaused() ? null : p.status(500);
                if (s != null && s.role() == Role.LEADER) {
                    return p.id();
                }
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return 0;
    }

    /** Every running node's status (a node that does not answer is left out). */
    Map<Integer, ServerStatus> statuses() {
        Map<Integer, ServerStatus> out = new TreeMap<>();
        for (ServerProcess p : servers.values()) {
            ServerStatus s = p.isPaused() ? null : p.status(1_000);
            if (s != null) {
                out.put(p.id(), s);
            }
        }
        return out;
    }

    /** Stops every process and waits for each to exit; removes the shutdown hook. Safe to call twice. */
    @Override
    public void close() {
        servers.values().forEach(ServerProcess::stop);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs anyway, and finds nothing left to kill.
        }
    }

    /** A node that exited or never served while the cluster was starting. */
    static final class NodeStartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        NodeStartFailure(int node, int exitCode, String logTail) {
            super("node " + node + (exitCode >= 0 ? " exited with status " + exitCode : " did not start") + ": "
                    + logTail);
            this.exitCode = exitCode;
        }

        /** The server's exit status, -1 if it did not exit; 2 means it refused its flags or configuration. */
        int exitCode() {
            return exitCode;
        }
    }
}
