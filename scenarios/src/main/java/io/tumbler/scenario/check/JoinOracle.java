package io.tumbler.scenario.check;

import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.Observation.ConfigurationChanged;
import io.tumbler.raft.node.Observation.JoinAdmitted;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.HarnessEvent.HandshakeHost;
import io.tumbler.scenario.journal.JournalEntry;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link SafetyProperty#JOIN_AUTHENTICATED} and {@link SafetyProperty#INCARNATION_MONOTONIC}, judged from the
 * journal: the harness says which hosts join by handshake and which of them lack the secret
 * ({@link HandshakeHost}), and which proofs the nemesis replayed ({@code HandshakeReplayed}, for the reader); leaders say whom they
 * admitted ({@link JoinAdmitted}); every node says which configuration it uses. Rules:
 *
 * <ul>
 *   <li>a host without the secret is never admitted;
 *   <li>a nonce admits at most once: a replayed proof must not admit again. A replay that reaches the leader
 *       before the genuine proof is that proof delivered early (the same bytes from the same host) and may admit
 *       it, once (rejoin seed 2651: the nemesis re-sent the proof it saw faster than the network did);
 *   <li>a handshake host appears in no configuration before a leader admitted it;
 *   <li>per host, each admission's incarnation is above every earlier admission's, except the same node admitted
 *       again (its first learner proposal was refused); bootstrap node {@code i} counts as host {@code i} admitted in
 *       incarnation 0.
 * </ul>
 * Nodes that join without a handshake (the {@code membership} scenario's operator additions, bootstrap nodes) are
 * not judged here.
 */
final class JoinOracle implements JournalOracle {
  private record Admission(long incarnation, int joiner) {}

  private final TreeMap<Integer, HandshakeHost> handshakeHosts = new TreeMap<>();
  private final TreeSet<Integer> admitted = new TreeSet<>();
  private final TreeSet<Long> admittedNonces = new TreeSet<>();
  private final TreeMap<Integer, Admission> latestByHost = new TreeMap<>();
  /** Nodes started after the bootstrap (any later {@code Recovered} of theirs is not a bootstrap identity). */
  private final TreeSet<Integer> joined = new TreeSet<>();

  @Override
  public void observe(JournalEntry entry, ViolationSink sink) {
    Object event = entry.payload();
    if (event instanceof HarnessEvent.NodeJoined e) {
      joined.add(e.node());
    } else if (event instanceof Observation.Recovered e && !joined.contains(e.node())) {
      latestByHost.putIfAbsent(e.node(), new Admission(0, e.node())); // bootstrap node i: host i, incarnation 0
    } else if (event instanceof HandshakeHost e) {
      handshakeHosts.put(e.node(), e);
    } else if (event instanceof JoinAdmitted e) {
      onAdmitted(e, sink);
    } else if (event instanceof ConfigurationChanged e) {
      onConfiguration(e, sink);
    }
  }

  private void onAdmitted(JoinAdmitted e, ViolationSink sink) {
    HandshakeHost host = handshakeHosts.get(e.joiner());
    if (host != null && !host.authentic()) {
      sink.report(SafetyProperty.JOIN_AUTHENTICATED, List.of(e.node(), e.joiner()), 0, 0, "leader " + e.node()
          + " admitted node " + e.joiner() + " (host " + e.hostId() + "), which does not hold the cluster secret");
    }
    if (!admittedNonces.add(e.nonce())) {
      sink.report(SafetyProperty.JOIN_AUTHENTICATED, List.of(e.node(), e.joiner()), 0, 0, "leader " + e.node()
          + " admitted node " + e.joiner() + " on nonce " + e.nonce() + ", which had already been answered (a replay)");
    }
    Admission before = latestByHost.get(e.hostId());
    boolean sameNodeAgain = before != null && before.joiner() == e.joiner() && before.incarnation() == e.incarnation();
    if (before != null && !sameNodeAgain && e.incarnation() <= before.incarnation()) {
      sink.report(SafetyProperty.INCARNATION_MONOTONIC, List.of(e.node(), before.joiner(), e.joiner()), 0, 0,
          "host " + e.hostId() + " was admitted as node " + before.joiner() + " in incarnation " + before.incarnation()
              + ", then as node " + e.joiner() + " in incarnation " + e.incarnation());
    }
    latestByHost.put(e.hostId(), new Admission(e.incarnation(), e.joiner()));
    admitted.add(e.joiner());
  }

  private void onConfiguration(ConfigurationChanged e, ViolationSink sink) {
    for (List<Integer> members : List.of(e.configuration().voters(), e.configuration().learners())) {
      for (int member : members) {
        if (handshakeHosts.containsKey(member) && !admitted.contains(member)) {
          admitted.add(member); // report once
          sink.report(SafetyProperty.JOIN_AUTHENTICATED, List.of(e.node(), member), 0, e.index(), "node " + e.node()
              + " uses a configuration naming node " + member + ", which no leader admitted by handshake");
        }
      }
    }
  }
}
