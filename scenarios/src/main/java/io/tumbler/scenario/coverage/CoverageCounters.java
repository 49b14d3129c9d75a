package io.tumbler.scenario.coverage;

import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.raft.FaultPoint;
import io.tumbler.raft.ProtocolPath;
import io.tumbler.raft.node.Observation;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which paths one run exercised, as named counters: fed with every node observation (elections, votes,
 * step-downs, truncations, snapshots, reads, session dedup hits) and with the harness's own events (crashes,
 * restarts, pauses, halts, torn writes, failed fsyncs); at the end the client history (placements refused for
 * capacity, CAS failures), the clients' retries and the buggify fires are added in {@link #toMap}.
 *
 * <p>Cheap and deterministic by construction: one array slot per {@link CoveragePath}, incremented in place,
 * no string built per event; the names appear only in {@link #toMap}, sorted. Single-threaded, like the run.
 */
public final class CoverageCounters {
  private static final CoveragePath[] BY_PROTOCOL_PATH = protocolPaths();
  private static final String FAULT_POINT_PREFIX = "buggify-";
  private static final String FAULT_POINT_SUFFIX = "-fired";

  private final long[] counts = new long[CoveragePath.values().length];

  /** Counts one more hit of {@code path}. */
  public void count(CoveragePath path) {
    counts[path.ordinal()]++;
  }

  /** Hits of {@code path} counted so far (not including what {@link #toMap} adds). */
  public long get(CoveragePath path) {
    return counts[path.ordinal()];
  }

  /** Counts what {@code observation} shows; observations that mark no counted path are ignored. */
  public void observe(Observation observation) {
    if (observation instanceof Observation.PathTaken taken) {
      count(BY_PROTOCOL_PATH[taken.path().ordinal()]);
    } else if (observation instanceof Observation.BecameLeader) {
      count(CoveragePath.LEADERS_ELECTED);
    } else if (observation instanceof Observation.EntriesTruncated) {
      count(CoveragePath.LOG_TRUNCATIONS);
    } else if (observation instanceof Observation.ReadServed read) {
      count(readPath(read.mode()));
    } else if (observation instanceof Observation.SnapshotTaken) {
      count(CoveragePath.SNAPSHOTS_TAKEN);
    } else if (observation instanceof Observation.SnapshotInstalled) {
      count(CoveragePath.SNAPSHOTS_INSTALLED);
    } else if (observation instanceof Observation.SessionDuplicate dup) {
      count(dup.atApply() ? CoveragePath.SESSION_DEDUP_HITS_AT_APPLY : CoveragePath.SESSION_DEDUP_HITS_AT_SUBMIT);
    }
  }

  private static CoveragePath readPath(io.tumbler.raft.node.ReadMode mode) {
    switch (mode) {
      case LINEARIZABLE:
        return CoveragePath.READS_SERVED_READ_INDEX;
      case LEASE:
        return CoveragePath.READS_SERVED_LEASE;
      case LOCAL:
      default:
        return CoveragePath.READS_SERVED_LOCAL;
    }
  }

  /**
   * Every counted path by name, zeros included (so a campaign can tell "never reached" from "not counted"):
   * the counts so far plus {@code clientRetries}, the definite refusals in {@code history} (a create or migrate
   * answered {@code no-capacity}, a cas answered {@code mismatch}) and how often each fault point fired,
   * {@code firedOf} (as {@code buggify-<point>-fired}, and summed in {@code fault-points-fired}). Without
   * {@code membershipScheduled} the paths that need membership changes ({@link CoveragePath#needsMembershipChanges()})
   * are left out: such a run could not reach them, so they are not counted rather than counted as zero.
   */
  public SortedMap<String, Long> toMap(long clientRetries, List<Operation> history,
      java.util.function.ToLongFunction<FaultPoint> firedOf, boolean membershipScheduled) {
    long[] all = counts.clone();
    all[CoveragePath.CLIENT_RETRIES.ordinal()] += clientRetries;
    countRefusals(history, all);
    SortedMap<String, Long> out = new TreeMap<>();
    for (FaultPoint point : FaultPoint.values()) {
      long fired = firedOf.applyAsLong(point);
      all[CoveragePath.FAULT_POINTS_FIRED.ordinal()] += fired;
      out.put(faultPointName(point), fired);
    }
    for (CoveragePath path : CoveragePath.values()) {
      if (membershipScheduled || !path.needsMembershipChanges()) {
        out.put(path.counterName(), all[path.ordinal()]);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** The counter name of a fault point's fires, e.g. {@code buggify-delay-sync-fired}. */
  public static String faultPointName(FaultPoint point) {
    return FAULT_POINT_PREFIX + point.pointName() + FAULT_POINT_SUFFIX;
  }

  private static void countRefusals(List<Operation> history, long[] all) {
    for (Operation op : history) {
      if (op.type() != OpType.FAIL) {
        continue;
      }
      Object error = op.error();
      if ("no-capacity".equals(error)) {
        all[CoveragePath.PLACEMENTS_REFUSED_NO_CAPACITY.ordinal()]++;
      } else if ("mismatch".equals(error) && "cas".equals(op.f())) {
        all[CoveragePath.CAS_FAILURES.ordinal()]++;
      }
    }
  }

  private static CoveragePath[] protocolPaths() {
    CoveragePath[] byPath = new CoveragePath[ProtocolPath.values().length];
    for (ProtocolPath path : ProtocolPath.values()) {
      byPath[path.ordinal()] = counterOf(path);
    }
    return byPath;
  }

  private static CoveragePath counterOf(ProtocolPath path) {
    switch (path) {
      case ELECTION_ON_TIMEOUT:
        return CoveragePath.ELECTIONS_STARTED_ON_TIMEOUT;
      case ELECTION_ON_TRANSFER:
        return CoveragePath.ELECTIONS_STARTED_ON_TRANSFER;
      case ELECTION_AFTER_PRE_VOTE:
        return CoveragePath.ELECTIONS_STARTED_AFTER_PRE_VOTE;
      case PRE_VOTE_STARTED:
        return CoveragePath.PRE_VOTES_STARTED;
      case PRE_VOTE_GRANTED:
        return CoveragePath.PRE_VOTES_GRANTED;
      case PRE_VOTE_REJECTED:
        return CoveragePath.PRE_VOTES_REJECTED;
      case VOTE_GRANTED:
        return CoveragePath.VOTES_GRANTED;
      case VOTE_REJECTED_STALE_LOG:
        return CoveragePath.VOTES_REJECTED_STALE_LOG;
      case VOTE_REJECTED_STALE_TERM:
        return CoveragePath.VOTES_REJECTED_STALE_TERM;
      case VOTE_REJECTED_ALREADY_VOTED:
        return CoveragePath.VOTES_REJECTED_ALREADY_VOTED;
      case VOTE_REJECTED_LEADER_KNOWN:
        return CoveragePath.VOTES_REJECTED_LEADER_KNOWN;
      case VOTE_REQUEST_IGNORED_STICKY_LEADER:
        return CoveragePath.VOTE_REQUESTS_IGNORED_STICKY_LEADER;
      case STEP_DOWN_HIGHER_TERM:
        return CoveragePath.STEP_DOWNS_HIGHER_TERM;
      case STEP_DOWN_CHECK_QUORUM:
        return CoveragePath.STEP_DOWNS_CHECK_QUORUM;
      case APPEND_REJECTED_LOG_MISMATCH:
        return CoveragePath.APPEND_REJECTIONS_LOG_MISMATCH;
      case SNAPSHOT_SENT:
        return CoveragePath.SNAPSHOTS_SENT;
      default:
        throw new IllegalArgumentException("no coverage counter for protocol path " + path);
    }
  }
}
