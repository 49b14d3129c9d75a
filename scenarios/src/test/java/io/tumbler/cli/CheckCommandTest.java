package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.lin.model.Models;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tumbler check}, driven through the real CLI: verdicts, model inference, JSON, exit codes. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private record Result(int exit, String out, String err) {}

  private static Result tumbler(String... args) {
    CommandLine cli = Tumbler.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static Path corpus(String file) {
    Path dir = Paths.get(System.getProperty("tumbler.root", "..")).resolve("../shared/corpus").normalize();
    Assumptions.assumeTrue(Files.isDirectory(dir), "SKIPPED: no corpus at " + dir);
    return dir.resolve(file);
  }

  @Test
  void validHistoryExitsZeroAndInfersTheModelFromTheFormat() {
    Result r = tumbler("check", corpus("porcupine/jepsen/etcd_002.log").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("VALID") && r.out().contains("etcd-cas-register from format"), r.out());
  }

  @Test
  void invalidHistoryExitsOneAndExplains() {
    Result r = tumbler("check", corpus("knossos/cas-register/bad/bad-analysis.edn").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("model cas-register from directory"), r.out());
    assertTrue(r.out().contains("cannot linearize {index 14, process 21, ok read 2}"), r.out());
    assertTrue(r.out().contains("why: can't read 2"), r.out());
  }

  @Test
  void jsonGivesOneObjectPerFileThenASummary() throws Exception {
    Result r = tumbler("check", "--json", corpus("porcupine/kv/c10-ok.txt").toString(),
        corpus("porcupine/kv/c10-bad.txt").toString());
    assertEquals(1, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    for (String line : lines.subList(0, 2)) {
      JsonNode file = JSON.readTree(line);
      for (String field : List.of("file", "model", "verdict", "ops", "partitions", "millis", "configurationsExplored")) {
        assertTrue(file.has(field), "missing " + field + " in " + line);
      }
      assertEquals("kv-get-put-append", file.get("model").asText());
      assertEquals(10, file.get("partitions").asInt());
    }
    assertEquals("INVALID", JSON.readTree(lines.get(1)).get("verdict").asText());
    assertTrue(JSON.readTree(lines.get(1)).has("counterexample"), lines.get(1));
    JsonNode summary = JSON.readTree(lines.get(2));
    assertEquals(1, summary.get("valid").asInt());
    assertEquals(1, summary.get("invalid").asInt());
    assertEquals(1, summary.get("exitCode").asInt());
  }

  @Test
  void verdictOnlyStopsAtTheFirstInvalidPartitionAndSaysSo() throws Exception {
    String bad = corpus("porcupine/kv/c10-bad.txt").toString();
    Result human = tumbler("check", "--verdict-only", bad);
    assertEquals(1, human.exit(), human.out() + human.err());
    assertTrue(human.out().contains("INVALID") && human.out().contains("cannot linearize"), human.out());
    assertTrue(human.out().contains("--verdict-only: stopped at the first invalid partition and built no counterexample"), human.out());
    assertTrue(!human.out().contains("a longest linearizable prefix"), human.out());

    Result json = tumbler("check", "--verdict-only", "--json", bad, corpus("porcupine/kv/c10-ok.txt").toString());
    List<String> lines = json.out().lines().toList();
    JsonNode invalid = JSON.readTree(lines.get(0));
    assertEquals("INVALID", invalid.get("verdict").asText(), lines.get(0));
    assertTrue(invalid.get("verdictOnly").asBoolean() && invalid.has("failingOp") && !invalid.has("counterexample"), lines.get(0));
    assertEquals("VALID", JSON.readTree(lines.get(1)).get("verdict").asText(), "a valid file is still decided: " + lines.get(1));
    assertEquals(1, json.exit(), json.err());
  }

  @Test
  void exhaustedBudgetExitsTwo() {
    Result r = tumbler("check", "--max-configurations", "1", corpus("porcupine/jepsen/etcd_002.log").toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("UNKNOWN") && r.out().contains("configuration limit"), r.out());
  }

  @Test
  void jsonlWithAHeaderNamesItsModel() throws Exception {
    Path file = tmp.resolve("h.jsonl");
    Files.writeString(file, "{\"tumbler-history\":1,\"model\":\"kv\"}\n"
        + "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":[\"k\",1]}\n"
        + "{\"index\":1,\"process\":0,\"type\":\"ok\",\"f\":\"write\",\"value\":[\"k\",1]}\n"
        + "{\"index\":2,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"value\":[\"k\",null]}\n"
        + "{\"index\":3,\"process\":1,\"type\":\"ok\",\"f\":\"read\",\"value\":[\"k\",null]}\n");
    Result r = tumbler("check", file.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("model kv from header"), r.out());
  }

  @Test
  void initialValueOption() {
    String file = corpus("knossos/cas-register/bad/rethink-fail-minimal.edn").toString();
    Result r = tumbler("check", "--init", "nil", file);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("index 4"), r.out());
  }

  @Test
  void malformedFileExitsThreeNamingFileAndLineButOtherFilesAreStillChecked() throws Exception {
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"tumbler-history\":1,\"model\":\"register\"}\n{\"index\":0,\"process\":1,\"type\":\"okay\",\"f\":\"read\"}\n");
    Result r = tumbler("check", bad.toString(), corpus("porcupine/jepsen/etcd_002.log").toString());
    assertEquals(3, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(bad + ":2: expected \"type\": invoke, ok, fail or info"), r.err());
    assertTrue(r.out().contains("etcd_002.log: VALID"), r.out());
  }

  @Test
  void missingModelUnknownModelAndMissingFileExitThree() throws Exception {
    Path plain = tmp.resolve("plain.edn");
    Files.writeString(plain, "[{:process 0, :type :invoke, :f :read, :value nil}]");
    Result noModel = tumbler("check", plain.toString());
    assertEquals(3, noModel.exit());
    assertTrue(noModel.err().contains("pass --model"), noModel.err());
    assertEquals(3, tumbler("check", "--model", "no-such-model", plain.toString()).exit());
    assertEquals(3, tumbler("check", "--format", "xml", plain.toString()).exit());
    Result missing = tumbler("check", "--model", "register", tmp.resolve("absent.edn").toString());
    assertEquals(3, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void helpNamesEveryModelAndTheInferenceRule() {
    Result r = tumbler("check", "--help");
    assertEquals(0, r.exit());
    for (String model : Models.names()) {
      assertTrue(r.out().contains(model), "help misses model " + model);
    }
    assertTrue(r.out().contains("nearest enclosing directory") && r.out().contains("named after a model decides"), r.out());
  }

  @Test
  void benchCheckerCommandPrintsTheReport() throws Exception {
    Path dir = tmp.resolve("corpus/porcupine/jepsen");
    Files.createDirectories(dir);
    Files.copy(corpus("porcupine/jepsen/etcd_000.log"), dir.resolve("etcd_000.log"));
    CommandLine cli = new CommandLine(new BenchCheckerCommand());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    int exit = cli.execute("--corpus", tmp.resolve("corpus").toString(), "--warmup", "0", "--runs", "1", "--json");
    assertEquals(0, exit);
    JsonNode report = JSON.readTree(out.toString());
    assertEquals("INVALID", report.get("histories").get(0).get("verdict").asText());
    assertEquals(1, report.get("totals").get("porcupine/jepsen").get("files").asInt());
  }
}
