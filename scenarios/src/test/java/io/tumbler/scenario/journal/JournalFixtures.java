package io.tumbler.scenario.journal;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.membership.JoinRejection;
import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.ReadMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the journal entries that crafted-journal tests write by hand: each method takes the time first, then what
 * the node reports, and returns the node's observation stamped with that time. Terse on purpose, so a test's journal
 * reads as a list of facts.
 */
public final class JournalFixtures {
  private JournalFixtures() {}

  /** An entry's term and digest, placed at consecutive indexes by {@link #entriesAppended}. */
  public record EntryId(long term, long digest) {}

  private static JournalEntry at(long timeNanos, Observation observation) {
    return new JournalEntry.Stamped(timeNanos, observation);
  }

  /** The role observation for {@code role} (FOLLOWER, PRE_CANDIDATE, CANDIDATE or LEADER). */
  public static JournalEntry roleChanged(long t, int node, String role, long term) {
    switch (role) {
      case "LEADER":
        return at(t, new Observation.BecameLeader(node, term));
      case "CANDIDATE":
        return at(t, new Observation.BecameCandidate(node, term));
      case "PRE_CANDIDATE":
        return at(t, new Observation.BecamePreCandidate(node, term));
      case "FOLLOWER":
        return at(t, new Observation.BecameFollower(node, term, 0));
      default:
        throw new IllegalArgumentException("no role " + role);
    }
  }

  public static JournalEntry voted(long t, int node, long term, int candidate) {
    return at(t, new Observation.Voted(node, term, candidate));
  }

  public static JournalEntry hardStateSynced(long t, int node, long term, int votedFor, long commitIndex) {
    return at(t, new Observation.HardStateSynced(node, term, votedFor, commitIndex));
  }

  public static JournalEntry entriesAppended(long t, int node, long firstIndex, List<EntryId> entries) {
    return at(t, new Observation.EntriesAppended(node, refs(firstIndex, entries)));
  }

  private static List<Observation.EntryRef> refs(long firstIndex, List<EntryId> entries) {
    List<Observation.EntryRef> refs = new ArrayList<>();
    long index = firstIndex;
    for (EntryId e : entries) {
      refs.add(new Observation.EntryRef(index++, e.term(), e.digest()));
    }
    return refs;
  }

  public static JournalEntry entriesTruncated(long t, int node, long fromIndex) {
    return at(t, new Observation.EntriesTruncated(node, fromIndex));
  }

  public static JournalEntry commitAdvanced(long t, int node, long index) {
    return at(t, new Observation.CommitAdvanced(node, index));
  }

  public static JournalEntry applied(long t, int node, long index, long term, long entryDigest, long stateDigest) {
    return at(t, new Observation.Applied(node, index, term, entryDigest, stateDigest));
  }

  public static JournalEntry snapshotInstalled(long t, int node, long index, long term, long stateDigest) {
    return at(t, new Observation.SnapshotInstalled(node, index, term, stateDigest));
  }

  public static JournalEntry snapshotRejected(long t, int node, long index, long expected, long actual) {
    return at(t, new Observation.SnapshotRejected(node, index, expected, actual));
  }

  public static JournalEntry logReplacedBySnapshot(long t, int node, long index, long term) {
    return at(t, new Observation.LogReplacedBySnapshot(node, index, term));
  }

  /** A read served in {@code mode} at {@code readIndex}, from state applied that far. */
  public static JournalEntry readServed(long t, int node, String mode, long readIndex) {
    return at(t, new Observation.ReadServed(node, ReadMode.valueOf(mode), readIndex, readIndex));
  }

  public static JournalEntry clientAcked(long t, int node, long clientId, long sequence, long index, long term,
      long entryDigest) {
    return at(t, new Observation.ClientAcked(node, clientId, sequence, index, term, entryDigest));
  }

  /** A recovery whose log holds nothing after its snapshot (append the recovered entries separately). */
  public static JournalEntry recovered(long t, int node, long term, int votedFor, long commitIndex,
      long snapshotIndex, long snapshotTerm) {
    return at(t, new Observation.Recovered(node, term, votedFor, commitIndex, snapshotIndex, snapshotTerm,
        snapshotIndex, List.of()));
  }

  public static JournalEntry configurationChanged(long t, int node, long index, List<Integer> voters,
      List<Integer> learners) {
    return at(t, new Observation.ConfigurationChanged(node, index, new Configuration(voters, learners)));
  }

  public static JournalEntry joinAdmitted(long t, int node, int joiner, int hostId, long incarnation, long nonce) {
    return at(t, new Observation.JoinAdmitted(node, joiner, hostId, incarnation, nonce));
  }

  public static JournalEntry joinRejected(long t, int node, int joiner, int hostId, long incarnation, String reason) {
    return at(t, new Observation.JoinRejected(node, joiner, hostId, incarnation, JoinRejection.valueOf(reason)));
  }
}
