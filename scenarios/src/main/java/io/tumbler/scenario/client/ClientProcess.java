package io.tumbler.scenario.client;

import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.scenario.wire.Wire;
import io.tumbler.scenario.workload.Completion;
import io.tumbler.scenario.workload.PlannedOperation;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.sim.clock.Timer;
import io.tumbler.sim.process.ProcessContext;
import io.tumbler.sim.process.SimProcess;
import io.tumbler.sim.random.RandomStream;

/**
 * A simulated client: one operation at a time, sent over the simulated network to the node it believes
 * leads as a production client-protocol frame ({@link ClientProtocol}; the answer is read as the production
 * client reads it), following redirects, retrying within its session after a timeout, and recording the history.
 *
 * <p>Outcomes: a definite reply completes the operation ok or fail; a not-leader reply means no
 * effect, so the client retries elsewhere; a timeout may hide an effect, so the client retries with the
 * SAME session sequence (the cluster applies it at most once) and, if the deadline passes without a
 * definite answer, records {@code info} — unless every attempt was definitely refused, then {@code fail}.
 * After an {@code info} the client continues under a new process number and a new session, as Jepsen's
 * clients do, because the abandoned operation may still take effect at any later time.
 *
 * <p>Reads have no effect, so an unanswered read is recorded as {@code fail} rather than {@code info}.
 *
 * <p>Retries back off: the pause before a retry doubles with each attempt of the operation that failed (no
 * answer, refused, unknown, no leader known), up to 16 times the base; a redirect to a named leader is
 * followed after the base pause.
 *
 * <p>Forced retries ({@link ForcedRetries}, drawn per run): a command's first attempt may wait only a few
 * milliseconds before it is retried elsewhere (handled exactly as a timeout, so the operation may end
 * {@code info}), and a command that got its answer may be re-sent afterwards, once, as an echo whose reply is
 * ignored. Neither adds an operation to the history: one invocation, one completion, the first definite
 * reply wins. Forced-retry draws come from the client's own {@code forced-retries} stream.
 */
public final class ClientProcess implements SimProcess<Wire> {
  /** The backoff grows to at most {@code 2^4} times the base. */
  private static final int MAX_BACKOFF_SHIFT = 4;
  private final ClientShared shared;
  private final int clientIndex;
  private ProcessContext<Wire> context;
  private RandomStream random;
  private RandomStream forcedRandom;
  private long process;
  private long sequence;
  private int target;
  private PlannedOperation current;
  private long deadlineLocalNanos;
  private boolean mayHaveTakenEffect;
  private Timer attemptTimer;
  /** Counts attempts; a reply or timeout counts only for the attempt in flight, and only once. */
  private long attempt;
  /** Attempts of the current operation that ended without an answer or a redirect: the retry backoff's exponent. */
  private int failedAttempts;
  private boolean awaitingReply;

  public ClientProcess(ClientShared shared, int clientIndex) {
    this.shared = shared;
    this.clientIndex = clientIndex;
    this.process = clientIndex;
  }

  @Override
  public void onStart(ProcessContext<Wire> context) {
    this.context = context;
    this.random = context.random();
    this.forcedRandom = random.stream("forced-retries");
    this.target = shared.nodeProcess(random.nextInt(shared.nodeCount()));
    scheduleNext();
  }

  private Workload workload() {
    return shared.workload();
  }

  private long sessionId() {
    return 1_000_000L + process; // a new process number is a new session
  }

  private void scheduleNext() {
    if (!shared.stopped()) {
      context.setTimer(1 + random.nextLong(shared.config().thinkNanosMax()), this::invokeNext);
    }
  }

  /** Invokes the next operation, or, while the allowance is used up, looks again after a think time. */
  private void invokeNext() {
    if (!shared.acceptingNewOperations()) {
      scheduleNext();
      return;
    }
    current = workload().next(random, clientIndex);
    sequence++;
    mayHaveTakenEffect = false;
    failedAttempts = 0;
    deadlineLocalNanos = context.nowNanos() + shared.config().operationDeadlineNanos();
    if (current.isLocalRead()) {
      shared.history().invokeLocalRead(process, current.f(), current.value(), shared.trueNanos());
    } else {
      shared.history().invoke(process, current.f(), current.value(), shared.trueNanos());
    }
    shared.operationStarted();
    if (current.isLocalRead()) {
      target = home(); // a local read goes to the client's nearest replica, as it would in a real deployment
    }
    sendAttempt();
  }

  /** The replica this client is closest to: local reads are served there, stale or not. */
  private int home() {
    return shared.nodeProcess(clientIndex % shared.nodeCount());
  }

  private void sendAttempt() {
    context.send(target, call());
    long thisAttempt = ++attempt;
    awaitingReply = true;
    attemptTimer = context.setTimer(attemptTimeoutNanos(), () -> onAttemptTimeout(thisAttempt));
  }

  /** The current operation's request frame, in the envelope that stands for this client's connection. */
  private Wire.Call call() {
    return new Wire.Call(sessionId(), sequence, ClientProtocol.encodeRequest(current.request(sessionId(), sequence)));
  }

  /**
   * The usual wait for a reply, or, for an impatient command's first attempt, a forced-retry's short one. Only
   * the first attempt is impatient: a client that kept re-sending every few milliseconds would add a copy of
   * its command to the log faster than a slow cluster commits them, a retry storm no real client runs.
   */
  private long attemptTimeoutNanos() {
    ForcedRetries forced = shared.forcedRetries();
    long usual = shared.config().attemptTimeoutNanos();
    if (current.isRead() || failedAttempts > 0 || forced.impatientChance() == 0
        || !forcedRandom.chance(forced.impatientChance())) {
      return usual;
    }
    return Math.min(usual, forced.impatientTimeoutNanos());
  }

  /**
   * After a command's definite answer from {@code answeredBy}, maybe re-sends the same request (same session
   * and sequence) later to that node or a random one. The reply is dropped by {@link #onMessage}'s filter:
   * by then the operation is complete or the client has moved to its next sequence.
   */
  private void maybeEcho(int answeredBy) {
    ForcedRetries forced = shared.forcedRetries();
    if (current.isRead() || forced.echoChance() == 0 || !forcedRandom.chance(forced.echoChance())) {
      return;
    }
    Wire.Call again = call();
    int to = forcedRandom.chance(0.5) ? answeredBy : shared.nodeProcess(forcedRandom.nextInt(shared.nodeCount()));
    context.setTimer(1 + forcedRandom.nextLong(forced.echoDelayMaxNanos()), () -> context.send(to, again));
  }

  private void onAttemptTimeout(long timedOutAttempt) {
    if (current == null || timedOutAttempt != attempt || !awaitingReply) {
      return;
    }
    awaitingReply = false;
    mayHaveTakenEffect |= !current.isRead();
    target = nextNode(target);
    backOffOrGiveUp();
  }

  /** After an attempt that failed (no answer, refused, unknown, no leader known): wait longer each time. */
  private void backOffOrGiveUp() {
    failedAttempts++;
    retryOrGiveUp();
  }

  /**
   * Retries after the backoff, which doubles with each failed attempt of the operation (capped at 16 times
   * the base), as production clients back off, or gives up at the deadline. A redirect to a named leader is
   * not a failure and is followed after the base backoff.
   */
  private void retryOrGiveUp() {
    if (context.nowNanos() >= deadlineLocalNanos) {
      giveUp();
      return;
    }
    long retryOf = attempt;
    long backoff = shared.config().retryBackoffNanos() << Math.min(Math.max(failedAttempts - 1, 0), MAX_BACKOFF_SHIFT);
    context.setTimer(backoff, () -> {
      if (current != null && retryOf == attempt && !awaitingReply) {
        shared.retried();
        sendAttempt();
      }
    });
  }

  @Override
  public void onMessage(int from, Wire message) {
    if (!(message instanceof Wire.Answer answer) || current == null || !awaitingReply
        || answer.call() != sequence || answer.caller() != sessionId()) {
      // A late reply to an operation already completed or abandoned, or a second reply to this attempt (the
      // network duplicates): acting on it twice would fork the retry loop.
      return;
    }
    awaitingReply = false;
    attemptTimer.cancel();
    Object outcome = current.isRead() ? ClientProtocol.decodeReadOutcome(answer.frame())
        : ClientProtocol.decodeSubmitResult(answer.frame());
    boolean ok = outcome instanceof SubmitResult.Ok || outcome instanceof ReadOutcome.Ok;
    if (from != target && !ok) {
      // A late answer to an earlier attempt ends the wait for the one in flight at `target`, whose fate is
      // then never learned: it may still take effect.
      mayHaveTakenEffect |= !current.isRead();
    }
    if (outcome instanceof SubmitResult.Ok done) {
      succeeded(from, done.result());
    } else if (outcome instanceof ReadOutcome.Ok done) {
      succeeded(from, done.result());
    } else if (outcome instanceof SubmitResult.NotLeader redirect) {
      redirected(redirect.leaderHint());
    } else if (outcome instanceof ReadOutcome.NotLeader redirect) {
      redirected(redirect.leaderHint());
    } else {
      // Unknown: a command may still take effect. Dropped, or a read not served: no effect; retry elsewhere.
      mayHaveTakenEffect |= outcome instanceof SubmitResult.Unknown;
      target = nextNode(target);
      backOffOrGiveUp();
    }
  }

  private void succeeded(int from, byte[] result) {
    maybeEcho(from);
    complete(workload().complete(current, result), shared.nodeAt(from));
  }

  /** No effect here: follow the hint to the leader the node knows of (0: none, try the next node). */
  private void redirected(int leaderHint) {
    int hinted = leaderHint > 0 ? shared.processOfNode(leaderHint) : -1;
    if (hinted >= 0) {
      target = hinted;
      retryOrGiveUp();
    } else {
      target = nextNode(target);
      backOffOrGiveUp();
    }
  }

  /** Records the outcome the node {@code servedBy} (0: unknown) replied with. */
  private void complete(Completion completion, int servedBy) {
    long now = shared.trueNanos();
    if (completion.ok()) {
      shared.history().ok(process, current.f(), completion.value(), now, servedBy);
    } else {
      shared.history().fail(process, current.f(), completion.value(), now, completion.error());
    }
    finish();
  }

  private void giveUp() {
    workload().abandoned(current);
    long now = shared.trueNanos();
    if (mayHaveTakenEffect) {
      shared.history().info(process, current.f(), current.value(), now, "timeout");
      process += shared.clientCount(); // Jepsen: a crashed client continues as a new process
      sequence = 0;
    } else {
      shared.history().fail(process, current.f(), current.value(), now, "unavailable");
    }
    finish();
  }

  private void finish() {
    current = null;
    shared.operationFinished();
    scheduleNext();
  }

  private int nextNode(int nodeProcess) {
    return shared.nextNodeProcess(nodeProcess);
  }
}
