package io.tumbler.report.view;

/** A sentence per Raft safety property, for readers who have not got the paper open. */
final class SafetyProperties {
  private SafetyProperties() {}

  static String explain(String property) {
    switch (property) {
      case "ELECTION_SAFETY":
        return "Election Safety: at most one leader can be elected in a given term (Raft §5.2).";
      case "LEADER_APPEND_ONLY":
        return "Leader Append-Only: a leader never overwrites or deletes entries in its log (Raft §5.3).";
      case "LOG_MATCHING":
        return "Log Matching: if two logs hold an entry with the same index and term, they are identical up to "
            + "that index (Raft §5.3).";
      case "LEADER_COMPLETENESS":
        return "Leader Completeness: an entry committed in a term is in the log of every leader of a later term "
            + "(Raft §5.4).";
      case "STATE_MACHINE_SAFETY":
        return "State Machine Safety: no two servers apply different entries at the same index (Raft §5.4.3).";
      case "ONE_VOTE_PER_TERM":
        return "One vote per term: a node votes for at most one candidate in a term, across restarts (Raft §5.2).";
      case "COMMIT_MONOTONIC":
        return "Commit monotonicity: a node's commit index never decreases.";
      case "ACKED_WRITE_DURABLE":
        return "Acknowledged writes are durable: every write acknowledged to a client is in the final committed "
            + "log at the index it was acknowledged.";
      case "STATE_DIGEST_AGREEMENT":
        return "State digest agreement: replicas that applied the same prefix have the same state.";
      default:
        return property + ".";
    }
  }
}
