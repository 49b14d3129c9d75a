package io.tumbler.sut.microraft;

/** What {@link KvStateMachine} returns to MicroRaft for an operation, and MicroRaft hands back to the client. */
sealed interface KvResult {
  /** The state machine's answer (a command applied, or a retry answered from its session, or a query). */
  record Done(byte[] result) implements KvResult {
    public Done {
      result = result.clone();
    }

    @Override
    public byte[] result() {
      return result.clone();
    }

    @Override
    public String toString() {
      return "Done[" + result.length + " bytes]";
    }
  }

  /** The client already moved past this sequence: its result is no longer kept (the client gave up on it). */
  record Superseded(long lastSequence) implements KvResult {}
}
