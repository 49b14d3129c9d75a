package io.tumbler.realcluster;

import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.runtime.RaftClient;
import io.tumbler.scenario.workload.Completion;
import io.tumbler.scenario.workload.PlannedOperation;
import io.tumbler.sim.random.RandomStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.TreeMap;

/**
 * One client thread of a real-cluster run: one operation at a time, sent with the production {@link RaftClient}
 * to the node it believes leads, following {@code NotLeader} hints, retrying within its session, and recording
 * the history through the {@link ClientDriver}.
 *
 * <p>Outcomes follow the simulated client's rules: a definite answer completes the operation {@code ok} or
 * {@code fail}; a timeout, a broken connection or an {@code Unknown} answer after the request was sent may hide
 * an effect, so the client retries with the same session sequence (the state machine applies it at most once)
 * and, if the deadline passes, records {@code info} and continues as a new process with a new session. A read
 * has no effect, so an unanswered read is a {@code fail}. A connection that could not be opened sent nothing.
 */
final class ClientWorker implements Runnable {
    private static final int MAX_BACKOFF_SHIFT = 4;
    private final ClientDriver driver;
    private final int index;
    private final int clientCount;
    private final RandomStream random;
    private final List<Integer> nodes;
    private final TreeMap<Integer, RaftClient> connections = new TreeMap<>();
    private long process;
    private long sequence;
    private int target;
    private boolean mayHaveTakenEffect;
    private int failedAttempts;

    ClientWorker(ClientDriver driver, int index, int clientCount, RandomStream random) {
        this.driver = driver;
        this.index = index;
        this.clientCount = clientCount;
        this.random = random;
        this.nodes = driver.nodes();
        this.process = index;
        this.target = nodes.get(index % nodes.size());
    }

    @Override
    public void run() {
        try {
            while (driver.mayStart()) {
                runOperation(driver.next(random, index));
                Thread.sleep(1 + random.nextLong(driver.timing().thinkMillisMax()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            new java.util.ArrayList<>(connections.keySet()).forEach(this::disconnect);
        }
    }

    private long sessionId() {
        return 1_000_000L + process; // a new process number is a new session
    }

    private void runOperation(PlannedOperation op) throws InterruptedException {
        sequence++;
        mayHaveTakenEffect = false;
        failedAttempts = 0;
        driver.invoke(process, op);
        long deadline = driver.clock().nanos() + driver.timing().operationDeadlineMillis() * 1_000_000;
        while (true) {
            Completion done = attempt(op);
            if (done != null) {
                driver.completed(process, op, done);
                return;
            }
            if (driver.clock().nanos() >= deadline) {
                giveUp(op);
                return;
            }
            long backoff = driver.timing().retryBackoffMillis() << Math.min(Math.max(failedAttempts - 1, 0), MAX_BACKOFF_SHIFT);
            Thread.sleep(backoff);
            driver.retried();
        }
    }

    private void giveUp(PlannedOperation op) {
        if (mayHaveTakenEffect) {
            driver.info(process, op, "timeout");
            process += clientCount; // Jepsen: a client that lost track continues as a new process
            sequence = 0;
        } else {
            driver.failed(process, op, "unavailable");
        }
    }

    /** One attempt at {@code target}: the completion when the answer is definite, else null (target moved on). */
    private Completion attempt(PlannedOperation op) {
        RaftClient client;
        try {
            client = connection(target);
        } catch (IOException e) {
            failedAttempt(); // nothing was sent
            return null;
        }
        try {
            if (!op.isRead()) {
                return onSubmit(op, client.submit(sessionId(), sequence, op.payload()));
            }
            return onRead(op, client.read(op.readMode(), op.payload()));
        } catch (IOException e) {
            disconnect(target);
            mayHaveTakenEffect |= !op.isRead();
            failedAttempt();
            return null;
        }
    }

    private Completion onSubmit(PlannedOperation op, SubmitResult result) {
        if (result instanceof SubmitResult.Ok ok) {
            return driver.complete(op, ok.result());
        }
        if (result instanceof SubmitResult.NotLeader notLeader) {
            redirect(notLeader.leaderHint());
        } else if (result instanceof SubmitResult.Unknown) {
            mayHaveTakenEffect = true;
            failedAttempt();
        } else {
            failedAttempt(); // Dropped: this attempt never applies; an earlier one still may (the flag says)
        }
        return null;
    }

    private Completion onRead(PlannedOperation op, ReadOutcome outcome) {
        if (outcome instanceof ReadOutcome.Ok ok) {
            return driver.complete(op, ok.result());
        }
        if (outcome instanceof ReadOutcome.NotLeader notLeader) {
            redirect(notLeader.leaderHint());
        } else {
            failedAttempts++; // Unavailable: the leader cannot serve yet; ask it again after the backoff
        }
        return null;
    }

    /** Follows a leader hint at once; with no hint, tries the next node after a backoff. */
    private void redirect(int leaderHint) {
        if (leaderHint > 0 && nodes.contains(leaderHint) && leaderHint != target) {
            target = leaderHint;
        } else {
            failedAttempt();
        }
    }

    private void failedAttempt() {
        failedAttempts++;
        target = nodes.get((nodes.indexOf(target) + 1) % nodes.size());
    }

    private RaftClient connection(int node) throws IOException {
        RaftClient c = connections.get(node);
        if (c == null) {
            c = RaftClient.connect(new InetSocketAddress("127.0.0.1", driver.clientPort(node)),
                    driver.timing().attemptTimeoutMillis());
            connections.put(node, c);
        }
        return c;
    }

    private void disconnect(int node) {
        RaftClient c = connections.remove(node);
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // The connection is gone either way.
            }
        }
    }
}
