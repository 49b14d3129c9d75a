package io.tumbler.lin.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.MalformedHistoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed input of every kind gets the one exception type, naming the file, the line and what was
 * expected there.
 */
class MalformedInputTest {
  @TempDir Path dir;

  private MalformedHistoryException failure(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    MalformedHistoryException error =
        assertThrows(MalformedHistoryException.class, () -> HistoryFiles.read(file, HistoryFormat.AUTO));
    assertEquals(file.toString(), error.source());
    assertTrue(error.getMessage().startsWith(file + ":"), error.getMessage());
    return error;
  }

  private static final String HEADER = "{\"tumbler-history\":1,\"model\":\"cas-register\"}\n";

  @Test
  void badJson() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", HEADER
        + "{\"index\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"value\":null}\n"
        + "{\"index\":1,\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"value\":\n");
    assertEquals(3, error.line());
    assertTrue(error.expected().contains("JSON object"), error.getMessage());
  }

  @Test
  void unknownType() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", HEADER
        + "{\"index\":0,\"process\":1,\"type\":\"invoked\",\"f\":\"read\",\"value\":null}\n");
    assertEquals(2, error.line());
    assertTrue(error.expected().contains("invoke, ok, fail or info"), error.getMessage());
  }

  @Test
  void completionTimedBeforeItsInvocation() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", HEADER
        + "{\"index\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"value\":null,\"time\":2000}\n"
        + "{\"index\":1,\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"value\":3,\"time\":1999}\n");
    assertEquals(3, error.line());
    assertTrue(error.expected().contains("a completion time at or after its invocation's (2000 ns)"), error.getMessage());
  }

  @Test
  void completionWithoutInvocation() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", HEADER
        + "{\"index\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"value\":null}\n"
        + "{\"index\":1,\"process\":2,\"type\":\"ok\",\"f\":\"read\",\"value\":3}\n");
    assertEquals(3, error.line());
    assertTrue(error.expected().contains("an invocation by process 2"), error.getMessage());
  }

  @Test
  void processWithTwoOpenCalls() throws IOException {
    MalformedHistoryException error = failure("h.edn", "[{:process 1, :type :invoke, :f :read, :value nil}\n"
        + " ; a comment line\n"
        + " {:process 1,\n  :type :invoke, :f :write, :value 3}]");
    assertEquals(3, error.line(), "the line the second map starts on");
    assertTrue(error.expected().contains("open call"), error.getMessage());
  }

  @Test
  void completionOfAnotherFunction() throws IOException {
    MalformedHistoryException error = failure("h.edn", "[{:process 1, :type :invoke, :f :read, :value nil}\n"
        + " {:process 1, :type :ok, :f :write, :value 3}]");
    assertEquals(2, error.line());
    assertTrue(error.expected().contains("a completion of read"), error.getMessage());
  }

  @Test
  void badEdn() throws IOException {
    MalformedHistoryException error = failure("h.edn", "[{:process 1, :type :invoke, :f :read, :value nil}\n"
        + " {:process 1 :type :ok :f :read :value [1 2}]");
    assertEquals(2, error.line());
    assertTrue(error.expected().contains("well-formed EDN"), error.getMessage());
  }

  @Test
  void unclosedEdnCollection() throws IOException {
    MalformedHistoryException error = failure("h.edn", "[{:process 1, :type :invoke, :f :read, :value nil}\n");
    assertTrue(error.expected().contains("']' closing"), error.getMessage());
  }

  @Test
  void ednTypeThatIsNotAJepsenType() throws IOException {
    MalformedHistoryException error = failure("h.edn", "[{:process 1, :type :invoked, :f :read}]");
    assertEquals(1, error.line());
    assertTrue(error.expected().contains(":type :invoke, :ok, :fail or :info"), error.getMessage());
  }

  @Test
  void unknownSchemaVersion() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", "{\"tumbler-history\":2}\n");
    assertEquals(1, error.line());
    assertTrue(error.expected().contains("\"tumbler-history\": 1"), error.getMessage());
  }

  @Test
  void missingField() throws IOException {
    MalformedHistoryException error = failure("h.jsonl", HEADER + "{\"index\":0,\"type\":\"invoke\",\"f\":\"read\"}\n");
    assertTrue(error.expected().contains("\"process\""), error.getMessage());
  }

  @Test
  void badPorcupineEtcdLine() throws IOException {
    MalformedHistoryException error = failure("etcd.log", "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
        + "INFO  jepsen.util - 0\t:ok\t:read\tthree\n");
    assertEquals(2, error.line());
  }

  @Test
  void badPorcupineKvLine() throws IOException {
    MalformedHistoryException error = failure("kv.txt", "{:process 0, :type :invoke, :f :get, :key \"1\", :value nil}\n"
        + "{:process 0, :type :ok, :f :get, :key 1, :value \"\"}\n");
    assertEquals(2, error.line());
  }

  @Test
  void unrecognizableFormat() throws IOException {
    MalformedHistoryException error = failure("history.dat", "hello\n");
    assertTrue(error.expected().contains("known format"), error.getMessage());
  }
}
