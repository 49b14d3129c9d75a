package io.tumbler.scenario.cluster;

import io.tumbler.raft.Heartbeat;
import io.tumbler.raft.HeartbeatResponse;
import io.tumbler.raft.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the wire shows about each leader's heartbeat rounds: when the first heartbeat of each round left it, and
 * which followers' answers to which rounds of its term reached it. From that, the followers that confirmed a
 * read the leader answers: those whose answer to a round sent no earlier than the read's arrival reached the
 * leader before the answer (dissertation §6.4 step 3: a round sent after the read arrived, acknowledged by a
 * majority). An answer to a round that left before the read arrived proves leadership only at that earlier
 * moment, before which another leader may have been elected and acknowledged a write.
 */
final class ReadRounds {
  /** Per node: the term of its heartbeats, when each round of it first left, and each follower's highest answer. */
  private static final class Leader {
    long term = -1;
    final TreeMap<Long, Long> roundBySendTime = new TreeMap<>();
    final TreeMap<Integer, Long> highestAnswered = new TreeMap<>();
  }

  private final Map<Integer, Leader> leaders = new TreeMap<>();

  /** A message a node hands to the transport at true time {@code nowNanos}. */
  void sending(Message message, long nowNanos) {
    if (!(message instanceof Heartbeat hb)) {
      return;
    }
    Leader leader = leaders.computeIfAbsent(hb.from(), id -> new Leader());
    if (hb.term() != leader.term) {
      leader.term = hb.term();
      leader.roundBySendTime.clear();
      leader.highestAnswered.clear();
    }
    if (leader.roundBySendTime.isEmpty() || leader.roundBySendTime.lastEntry().getValue() < hb.round()) {
      leader.roundBySendTime.putIfAbsent(nowNanos, hb.round()); // rounds sent at one instant: the earliest counts
    }
  }

  /** A message handed to node {@code nodeId}. */
  void delivering(int nodeId, Message message) {
    if (!(message instanceof HeartbeatResponse hr)) {
      return;
    }
    Leader leader = leaders.get(nodeId);
    if (leader != null && hr.term() == leader.term) {
      leader.highestAnswered.merge(hr.from(), hr.round(), Math::max);
    }
  }

  /**
   * The followers whose answer to one of {@code nodeId}'s rounds sent at or after {@code arrivalNanos} has
   * reached it, in id order (the leader itself not included).
   */
  List<Integer> confirmedSince(int nodeId, long arrivalNanos) {
    List<Integer> confirmed = new ArrayList<>();
    Leader leader = leaders.get(nodeId);
    if (leader == null) {
      return confirmed;
    }
    Map.Entry<Long, Long> first = leader.roundBySendTime.ceilingEntry(arrivalNanos);
    if (first == null) {
      return confirmed;
    }
    for (Map.Entry<Integer, Long> e : leader.highestAnswered.entrySet()) {
      if (e.getValue() >= first.getValue()) {
        confirmed.add(e.getKey());
      }
    }
    return confirmed;
  }
}
