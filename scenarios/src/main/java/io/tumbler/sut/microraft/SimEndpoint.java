package io.tumbler.sut.microraft;

import io.microraft.RaftEndpoint;

/**
 * A MicroRaft endpoint naming Tumbler node {@code id}. A record, so equality and hash code are the id's: MicroRaft
 * keys hash maps by endpoint (follower progress, votes) and iterates some of them, which stays deterministic only
 * with a value-based hash code.
 */
public record SimEndpoint(int id) implements RaftEndpoint {
  @Override
  public Object getId() {
    return id;
  }

  @Override
  public String toString() {
    return "n" + id;
  }
}
