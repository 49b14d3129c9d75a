package io.tumbler.sut;

import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.raft.runtime.ClientRequest;
import java.util.function.Consumer;

/**
 * The client protocol for a system under test that serves commands and reads: it decodes the request frame a node
 * gets ({@link SutNode#serve}), hands the command or read to the node's {@link Service} and encodes the node's
 * outcome as the response frame, so the node answers in the frames Tumbler's own server speaks and a client cannot
 * tell which Raft it talks to. Status and admin requests are answered as not served ({@code unavailable}); a
 * malformed frame too, naming the problem.
 */
public final class ClientFrames {
  private ClientFrames() {}

  /** What a node serves: the outcomes are the client protocol's. Each callback is called once, or never. */
  public interface Service {
    /** A command of session ({@code clientId}, {@code sequence}): applied at most once however often retried. */
    void submit(long clientId, long sequence, byte[] command, Consumer<SubmitResult> result);

    /** A read of {@code query} in {@code mode}. */
    void read(ReadMode mode, byte[] query, Consumer<ReadOutcome> outcome);
  }

  /** Serves {@code requestFrame} on {@code service}; {@code answer} gets the response frame. */
  public static void serve(Service service, byte[] requestFrame, Consumer<byte[]> answer) {
    ClientRequest request = ClientProtocol.decodeRequestOrRefuse(requestFrame, answer);
    if (request == null) {
      return;
    }
    if (request instanceof ClientRequest.Submit s) {
      service.submit(s.clientId(), s.sequence(), s.command(),
          result -> answer.accept(ClientProtocol.encodeSubmitResult(result)));
    } else if (request instanceof ClientRequest.Read r) {
      service.read(r.mode(), r.query(), outcome -> answer.accept(ClientProtocol.encodeReadOutcome(outcome)));
    } else {
      answer.accept(ClientProtocol.encodeMalformed("this system under test serves only commands and reads, not "
          + request.getClass().getSimpleName()));
    }
  }
}
