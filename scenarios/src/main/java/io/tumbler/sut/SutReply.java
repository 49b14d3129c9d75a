package io.tumbler.sut;

/**
 * How a node answered one client command or read: the four outcomes the client protocol distinguishes, so a history
 * recorded against any system under test means the same thing to the linearizability checker.
 */
public sealed interface SutReply {
  /** Done: the state machine's result (a command applied once, or a read served). */
  record Ok(byte[] result) implements SutReply {
    public Ok {
      result = result.clone();
    }

    @Override
    public byte[] result() {
      return result.clone();
    }
  }

  /** This node does not lead; {@code leaderHint} is the leader it knows of (0: none). No effect. */
  record NotLeader(int leaderHint) implements SutReply {}

  /** Not done and never will be (not accepted, or a read not served): the client may retry anywhere. */
  record Refused(String why) implements SutReply {}

  /** The node gave up waiting: the command may or may not take effect. */
  record Unknown(String why) implements SutReply {}
}
