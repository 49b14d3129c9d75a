package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.bench.SingleKeyHistories;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.io.porcupine.EtcdLogImporter;
import io.tumbler.lin.model.EtcdCasRegisterModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check}'s warm-up ({@link SearchWarmUp}) and its compact JSON lines ({@link JsonLine}): the warm-up
 * history is a real, linearizable etcd log with indeterminate calls, a check with the warm-up running says
 * exactly what one without it says, and the JSON text is Jackson's own.
 */
class SearchWarmUpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void theWarmUpLogIsALinearizableEtcdHistoryWithTimeOutsAndTheSameForTheSameSeed() throws Exception {
    byte[] log = SearchWarmUp.etcdLog(1_500, 7);
    assertTrue(Arrays.equals(log, SearchWarmUp.etcdLog(1_500, 7)));
    assertFalse(Arrays.equals(log, SearchWarmUp.etcdLog(1_500, 8)));
    History history = EtcdLogImporter.read(log, "warm-up");
    assertEquals(1_500, history.invocationCount());
    long timedOut = history.operations().stream().filter(op -> op.type() == OpType.INFO).count();
    long failed = history.operations().stream().filter(op -> op.type() == OpType.FAIL).count();
    assertTrue(timedOut > 3 && failed > 100, timedOut + " info, " + failed + " failed cas");
    CheckResult result = Checker.withDefaults().check(new EtcdCasRegisterModel(), history);
    assertTrue(result instanceof CheckResult.Valid, result.toString());
  }

  @Test
  void aCheckWithTheWarmUpRunningSaysWhatOneWithoutItSays() throws Exception {
    for (boolean corrupt : new boolean[] {false, true}) {
      // 5,000 calls: an etcd log of about 390 KiB, in the range the warm-up runs for.
      History generated = SingleKeyHistories.generate(5_000, 10, corrupt ? 5 : 4);
      Path file = tmp.resolve("single-key-" + corrupt + ".log");
      try (Writer out = Files.newBufferedWriter(file)) {
        SingleKeyHistories.writeEtcdLog(corrupt ? SingleKeyHistories.corruptRead(generated) : generated, out);
      }
      String[] args = {"check", "--json", file.toString()};
      SearchWarmUp warmUp = SearchWarmUp.forCommandLine(args);
      String[] with = run(Tumbler.commandLine(args, warmUp), args);
      String[] without = run(Tumbler.commandLine(args, null), args);
      if (warmUp != null) {
        warmUp.thread.join(); // how much of it overlapped the checks is up to the scheduler
      }
      assertEquals(without[0], with[0]);
      assertEquals(withoutTimes(without[1]), withoutTimes(with[1]));
      assertEquals(without[2], with[2]);
      assertEquals(corrupt ? "1" : "0", with[0]);
    }
  }

  @Test
  void leftAloneTheWarmUpReadsAndChecksItsHistoryEveryRound() throws Exception {
    Path file = tmp.resolve("single-key.log");
    try (Writer out = Files.newBufferedWriter(file)) {
      SingleKeyHistories.writeEtcdLog(SingleKeyHistories.generate(5_000, 10, 6), out);
    }
    SearchWarmUp warmUp = SearchWarmUp.forCommandLine(new String[] {"check", "--json", file.toString()});
    Assumptions.assumeTrue(warmUp != null, "the warm-up needs two cores and a 256 MiB heap");
    warmUp.thread.join();
    assertEquals(SearchWarmUp.ROUNDS, warmUp.rounds(), "no round failed");
  }

  @Test
  void noWarmUpForAnotherCommandOrWithoutAFileOrForASmallOne() throws Exception {
    assertNull(SearchWarmUp.forCommandLine(new String[] {"run", "--seed", "1"}));
    assertNull(SearchWarmUp.forCommandLine(new String[] {"check"}));
    Path small = tmp.resolve("small.log");
    try (Writer out = Files.newBufferedWriter(small)) {
      SingleKeyHistories.writeEtcdLog(SingleKeyHistories.generate(500, 5, 3), out);
    }
    SearchWarmUp warmUp = SearchWarmUp.forCommandLine(new String[] {"check", small.toString()});
    if (warmUp != null) {
      warmUp.thread.join();
      assertEquals(0, warmUp.rounds(), "a check of a small file is over before a warm-up could help");
    }
  }

  @Test
  void jsonLinesAreJacksonsOwnText() throws Exception {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("text", "a \"quoted\"\ttab, a line\nand ü").put("int", 3).put("long", 1L << 40).put("double", 89.256)
        .put("whole", 2.0).put("yes", true).putNull("nothing");
    tree.putArray("list").add(1).add("two").addNull().addObject().put("nested", -0.5);
    tree.putObject("empty");
    assertEquals(tree.toString(), JsonLine.of(tree));
    assertEquals(tree, JSON.readTree(JsonLine.of(tree)));
  }

  /** {exit code, stdout, stderr} of {@code cli} on {@code args}. */
  private static String[] run(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  /** The JSON lines with their timings removed (they differ from run to run). */
  private static String withoutTimes(String lines) throws Exception {
    StringBuilder kept = new StringBuilder();
    for (String line : lines.split("\n")) {
      JsonNode node = JSON.readTree(line);
      if (node instanceof ObjectNode object) {
        object.remove("millis");
        object.remove("readMillis");
      }
      kept.append(node).append('\n');
    }
    return kept.toString();
  }
}
