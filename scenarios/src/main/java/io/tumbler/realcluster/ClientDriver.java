package io.tumbler.realcluster;

import io.tumbler.lin.history.History;
import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.scenario.workload.Completion;
import io.tumbler.scenario.workload.PlannedOperation;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of a real-cluster run: {@code clients} threads ({@link ClientWorker}), each running one operation
 * at a time through the production {@code RaftClient}, sharing the workload, the history and the request budget.
 *
 * <p>The workload and the history are single-threaded objects; every use goes through this class and holds its
 * lock, so the history is in the real order in which invocations and completions were recorded. Operations are
 * drawn from per-client streams of the seed (the same seed draws the same operations per client; which node
 * answers and when is up to the cluster).
 */
final class ClientDriver {
    private final Workload workload;
    private final HistoryRecorder history = new HistoryRecorder();
    private final RunClock clock;
    private final ClientTiming timing;
    private final TreeMap<Integer, Integer> clientPorts;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile long operationLimit;
    private volatile boolean stopped;

    ClientDriver(Workload workload, long seed, Map<Integer, Integer> clientPorts, int clients, long operationLimit,
            RunClock clock, ClientTiming timing) {
        this.workload = workload;
        this.clock = clock;
        this.timing = timing;
        this.clientPorts = new TreeMap<>(clientPorts);
        this.operationLimit = operationLimit;
        RandomStreams streams = RandomStreams.root(seed);
        workload.begin(streams.stream("workload"));
        for (int i = 0; i < clients; i++) {
            RandomStream random = streams.stream("client-" + i);
            Thread t = new Thread(new ClientWorker(this, i, clients, random), "client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Node ids, ascending. */
    List<Integer> nodes() {
        return new ArrayList<>(clientPorts.keySet());
    }

    int clientPort(int node) {
        return clientPorts.get(node);
    }

    RunClock clock() {
        return clock;
    }

    ClientTiming timing() {
        return timing;
    }

    /** Takes one operation from the budget; false once the run stops new operations or the budget is spent. */
    boolean mayStart() {
        if (stopped) {
            return false;
        }
        if (started.incrementAndGet() > operationLimit) {
            started.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Lets clients start {@code extra} more operations than they have so far (the quiet period's allowance). */
    void allowMore(long extra) {
        operationLimit = Math.max(operationLimit, started.get() + extra);
    }

    /** Clients finish the operation in hand and start no other. */
    void stopNewOperations() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    /** Waits for every client to finish its last operation. */
    void awaitFinished(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    /** Whether any client is still running. */
    boolean anyRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    synchronized PlannedOperation next(RandomStream random, int client) {
        return workload.next(random, client);
    }

    synchronized Completion complete(PlannedOperation op, byte[] result) {
        return workload.complete(op, result);
    }

    synchronized void invoke(long process, PlannedOperation op) {
        history.invoke(process, op.f(), op.value(), clock.nanos());
    }

    synchronized void completed(long process, PlannedOperation op, Completion c) {
        if (c.ok()) {
            history.ok(process, op.f(), c.value(), clock.nanos());
        } else {
            history.fail(process, op.f(), c.value(), clock.nanos(), c.error());
        }
    }

    synchronized void info(long process, PlannedOperation op, String error) {
        history.info(process, op.f(), op.value(), clock.nanos(), error);
    }

    synchronized void failed(long process, PlannedOperation op, String error) {
        history.fail(process, op.f(), op.value(), clock.nanos(), error);
    }

    /** When the latest {@code ok} was recorded (ns on the run clock), or -1. */
    synchronized long lastOkNanos() {
        return history.lastOkNanos();
    }

    synchronized History history() {
        return history.toHistory();
    }

    void retried() {
        retries.incrementAndGet();
    }

    long retries() {
        return retries.get();
    }

    long started() {
        return started.get();
    }
}
