package io.tumbler.lin.io.porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.Operation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scanner is a fast path, never a second definition: on every event it accepts, it builds exactly the
 * operation the importer's pattern builds, and it accepts the well-formed events real logs hold.
 */
class EtcdEventScannerTest {
  private static final List<String> PIECES = List.of("0", "7", "12", "-3", "-", "0042", "1234567890123456789",
      "99999999999999999999", ":invoke", ":ok", ":fail", ":info", ":okay", "info", ":read", ":write", ":cas", ":casx",
      "nil", "nilx", ":nil", ":timed-out", ":-", ":", "[", "]", "[1 2]", "[ -1\t2 ]", "[1  2", "[12]", "x", "é", "",
      " ", "  ", "\t", "\u000B", "\f", "\r", "\u00A0");

  @Test
  void agreesWithThePatternOnEveryEventItAccepts() {
    SplittableRandom random = new SplittableRandom(13);
    EtcdEventScanner scanner = new EtcdEventScanner();
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      String event = i % 2 == 0 ? wellFormedish(random) : noise(random);
      Operation fast = scanner.scan(event, 5);
      if (fast == null) {
        continue;
      }
      accepted++;
      assertEquals(EtcdLogImporter.parse(event, 5, "t.log"), fast, "event '" + event + "'");
    }
    assertTrue(accepted > 10_000, "the scanner took only " + accepted + " events");
  }

  @Test
  void acceptsTheEventsRealLogsHold() {
    EtcdEventScanner scanner = new EtcdEventScanner();
    for (String event : List.of("3\t:invoke\t:read\tnil", "3\t:ok\t:read\t4", "11 :invoke :cas [1 4]",
        "11 :fail :cas [1 4]", "2\t:info\t:write\t:timed-out", "0\t:ok\t:write\t-2  ")) {
      Operation fast = scanner.scan(event, 9);
      assertNotNull(fast, event);
      assertEquals(EtcdLogImporter.parse(event, 9, "t.log"), fast, event);
    }
    assertNull(scanner.scan("3 :ok :read 4 5", 1));
    assertNull(scanner.scan("12345678901234567890 :ok :read 4", 1));
  }

  /** Four fields in order, each usually right, with whitespace of every kind between. */
  private static String wellFormedish(SplittableRandom random) {
    String[][] fields = {{"0", "3", "17", "0042", "1234567890123456789", "99999999999999999999", "-1", ""},
        {":invoke", ":ok", ":fail", ":info", ":okay", "info"},
        {":read", ":write", ":cas", ":casx", "read"},
        {"nil", "5", "-3", "[1 2]", "[ -1\t2 ]", ":timed-out", ":nil", "[1  2", "[12]", "nilx", ":", "-"}};
    StringBuilder event = new StringBuilder();
    for (String[] options : fields) {
      String field = random.nextInt(6) == 0 ? options[random.nextInt(options.length)] : options[random.nextInt(Math.min(4, options.length))];
      event.append(field).append(space(random));
    }
    return event.toString();
  }

  private static String noise(SplittableRandom random) {
    StringBuilder event = new StringBuilder();
    for (int i = random.nextInt(9); i > 0; i--) {
      event.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return event.toString();
  }

  private static String space(SplittableRandom random) {
    String[] spaces = {" ", "\t", "  ", "", "\r", "\u000B", "\f", " \t"};
    return spaces[random.nextInt(spaces.length)];
  }
}
