package io.tumbler.sut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.raft.runtime.ClientRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A system under test other than Tumbler's serves the production client protocol's frames through
 * {@link ClientFrames}: what a client encodes reaches its service intact, and what the service answers decodes as
 * the production client reads it.
 */
class ClientFramesTest {
  /** Records what it was asked and answers every command and read at once. */
  private static final class Recording implements ClientFrames.Service {
    final List<String> asked = new ArrayList<>();

    @Override
    public void submit(long clientId, long sequence, byte[] command, Consumer<SubmitResult> result) {
      asked.add("submit " + clientId + "/" + sequence + " " + new String(command, StandardCharsets.UTF_8));
      result.accept(sequence == 1 ? new SubmitResult.Ok("done".getBytes(StandardCharsets.UTF_8), 7)
          : new SubmitResult.NotLeader(3));
    }

    @Override
    public void read(ReadMode mode, byte[] query, Consumer<ReadOutcome> outcome) {
      asked.add("read " + mode + " " + new String(query, StandardCharsets.UTF_8));
      outcome.accept(mode == ReadMode.LOCAL ? new ReadOutcome.Unavailable("not now")
          : new ReadOutcome.Ok("v".getBytes(StandardCharsets.UTF_8), 9));
    }
  }

  private static byte[] serve(Recording service, ClientRequest request) {
    return serve(service, ClientProtocol.encodeRequest(request));
  }

  private static byte[] serve(Recording service, byte[] frame) {
    List<byte[]> answers = new ArrayList<>();
    ClientFrames.serve(service, frame, answers::add);
    assertEquals(1, answers.size(), "one answer per request");
    return answers.get(0);
  }

  @Test
  void commandsAndReadsGoToTheServiceAndComeBackAsProtocolFrames() {
    Recording service = new Recording();
    byte[] x = "x".getBytes(StandardCharsets.UTF_8);
    SubmitResult.Ok ok = assertInstanceOf(SubmitResult.Ok.class,
        ClientProtocol.decodeSubmitResult(serve(service, new ClientRequest.Submit(42, 1, x))));
    assertArrayEquals("done".getBytes(StandardCharsets.UTF_8), ok.result());
    assertEquals(7, ok.index());
    assertEquals(new SubmitResult.NotLeader(3),
        ClientProtocol.decodeSubmitResult(serve(service, new ClientRequest.Submit(42, 2, x))));
    ReadOutcome.Ok read = assertInstanceOf(ReadOutcome.Ok.class,
        ClientProtocol.decodeReadOutcome(serve(service, new ClientRequest.Read(ReadMode.LEASE, x))));
    assertEquals(9, read.appliedIndex());
    assertEquals(new ReadOutcome.Unavailable("not now"),
        ClientProtocol.decodeReadOutcome(serve(service, new ClientRequest.Read(ReadMode.LOCAL, x))));
    assertEquals(List.of("submit 42/1 x", "submit 42/2 x", "read LEASE x", "read LOCAL x"), service.asked);
  }

  @Test
  void statusAdminAndMalformedRequestsAreAnsweredUnavailableAndReachNoService() {
    Recording service = new Recording();
    ReadOutcome status = ClientProtocol.decodeReadOutcome(serve(service, new ClientRequest.StatusQuery()));
    assertTrue(status instanceof ReadOutcome.Unavailable u && u.reason().contains("StatusQuery"), status::toString);
    ReadOutcome malformed = ClientProtocol.decodeReadOutcome(serve(service, new byte[] {99}));
    assertTrue(malformed instanceof ReadOutcome.Unavailable u && u.reason().contains("unknown request op 99"),
        malformed::toString);
    assertEquals(List.of(), service.asked);
  }
}
