package io.tumbler.lin.io.porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.History;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The etcd log's byte path (no decoding while the bytes are ASCII) against the reader path it stands in
 * for, on thousands of random logs: well-formed events, log noise, every line terminator, lines the
 * scanner declines, malformed events and characters outside ASCII. Both give the same events or the same
 * error.
 */
class EtcdLogBytesTest {
  private static final String[] LINES = {"INFO  jepsen.util - 3\t:invoke\t:read\tnil", "INFO  jepsen.util - 3\t:ok\t:read\t4",
      "INFO  jepsen.util - 11 :invoke :cas [1 4]", "INFO  jepsen.util - 11 :fail :cas [1 4]",
      "INFO  jepsen.util - 2\t:invoke\t:write\t7", "INFO  jepsen.util - 2\t:info\t:write\t:timed-out",
      "INFO  jepsen.util - 2 :ok :write 0042", "INFO  jepsen.util - 4 :invoke :read nil  ", "2020-01-01 noise",
      "", "   ", "jepsen.util - 5 :invoke :read nil", "INFO  jepsen.util - 5 :ok :read 99999999999999999999",
      "INFO  jepsen.util - 6 :okay :read 1", "INFO jepsen.util -  7 :invoke :write 1",
      "INFO  jepsen.util - 8 :invoke :write é", "noise é", "INFO  jepsen.util - 9\u00A0:invoke :read nil"};
  private static final String[] TERMINATORS = {"\n", "\r\n", "\r", "\n\n"};

  @Test
  void bytesReadAsTheDecodedText() {
    SplittableRandom random = new SplittableRandom(29);
    int histories = 0;
    for (int i = 0; i < 3_000; i++) {
      StringBuilder log = new StringBuilder();
      for (int line = random.nextInt(12); line > 0; line--) {
        log.append(LINES[random.nextInt(i % 3 == 0 ? LINES.length : 8)]).append(TERMINATORS[random.nextInt(TERMINATORS.length)]);
      }
      if (random.nextBoolean() && log.length() > 0) {
        log.setLength(log.length() - 1);
      }
      String text = log.toString();
      String viaReader = outcome(() -> EtcdLogImporter.read(new StringReader(text), "t.log"));
      String viaBytes = outcome(() -> EtcdLogImporter.read(text.getBytes(StandardCharsets.UTF_8), "t.log"));
      assertEquals(viaReader, viaBytes, () -> "log:\n" + text);
      histories += viaReader.startsWith("[") ? 1 : 0;
    }
    assertTrue(histories > 300, "too few logs read to a history: " + histories);
  }

  private interface Read {
    History read() throws IOException;
  }

  /** The events read, or the error thrown, as text. */
  private static String outcome(Read read) {
    try {
      return read.read().operations().toString();
    } catch (IOException | RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
