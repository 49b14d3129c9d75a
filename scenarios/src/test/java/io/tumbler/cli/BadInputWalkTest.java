package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the commands with bad input (issue #13): files that are not histories, histories and journals with
 * nothing in them, impossible timings, a schedule naming a node the cluster lacks, output paths that cannot be
 * written. Each must end with exit 3 and one line on stderr naming the file, never a verdict, a pass or a stack
 * trace, and must leave no {@code .tmp} file behind.
 */
class BadInputWalkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Runs the CLI and asserts a clean refusal: exit 3, one stderr line containing every {@code expected}. */
  private static CliRun refused(List<String> args, String... expected) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    String all = "args " + args + "\nstdout:\n" + r.out() + "\nstderr:\n" + r.err();
    assertEquals(ExitCode.BAD_INPUT, r.exit(), all);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one line on stderr; " + all);
    assertFalse(r.err().contains("Exception") || r.err().contains("at io.tumbler") || r.err().contains("at java."),
        "no stack trace; " + all);
    assertFalse(r.out().contains("VALID") || r.out().contains("PASS") || r.out().contains("0 violations"),
        "no verdict for bad input; " + all);
    for (String part : expected) {
      assertTrue(lines.get(0).contains(part), "stderr should name '" + part + "'; " + all);
    }
    return r;
  }

  private Path file(String name, String content) throws IOException {
    Path path = tmp.resolve(name);
    Files.writeString(path, content);
    return path;
  }

  @Test
  void filesThatAreNotHistoriesOrHaveNothingToCheck() throws IOException {
    Path readme = file("README.md", "# Tumbler\n\nDeterministic simulation.\n\n| a | b |\n");
    refused(List.of("check", "--format", "porcupine-etcd", readme.toString()), readme.toString(), "porcupine-etcd",
        "expected at least one client operation");
    Path kv = file("c01-ok.txt", "{:process 0, :type :invoke, :f :get, :key \"k\", :value nil}\n"
        + "{:process 0, :type :ok, :f :get, :key \"k\", :value \"\"}\n");
    refused(List.of("check", "--format", "porcupine-etcd", kv.toString()), kv.toString(), "found none");
    refused(List.of("check", "--format", "porcupine-kv", readme.toString()), readme + ":1: expected");
    Path emptyJsonl = file("empty.jsonl", "");
    refused(List.of("check", "--model", "register", emptyJsonl.toString()), emptyJsonl.toString(), "jsonl");
    Path emptyEdn = file("empty.edn", "[]");
    refused(List.of("check", "--model", "cas-register", emptyEdn.toString()), emptyEdn.toString(), "edn");
    Path nemesisOnly = file("nemesis.edn", "[{:process :nemesis, :type :info, :f :kill, :value nil}]");
    refused(List.of("check", "--model", "cas-register", nemesisOnly.toString()), nemesisOnly.toString());
    Path binary = tmp.resolve("blob.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, '\n'});
    refused(List.of("check", "--format", "jsonl", "--model", "register", binary.toString()), binary.toString(), "UTF-8");
  }

  @Test
  void aCompletionTimedBeforeItsInvocation() throws IOException {
    Path h = file("h.jsonl", "{\"tumbler-history\":1,\"model\":\"register\"}\n"
        + "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":1,\"time\":5000}\n"
        + "{\"index\":1,\"process\":0,\"type\":\"ok\",\"f\":\"write\",\"value\":1,\"time\":4000}\n");
    refused(List.of("check", h.toString()), h + ":3:", "at or after its invocation");
  }

  @Test
  void journalsWithNothingInThemOrNotText() throws IOException {
    Path empty = file("journal.jsonl", "\n\n");
    refused(List.of("check-journal", empty.toString()), empty.toString(), "found none");
    Path binary = tmp.resolve("binary.jsonl");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xd8, '\n'});
    refused(List.of("check-journal", binary.toString()), binary.toString(), "not UTF-8");
  }

  @Test
  void aScheduleThatDoesNotFitTheClusterIsRefusedBeforeTheReplayRuns() throws IOException {
    Path run = tmp.resolve("run");
    assertEquals(0, CliRun.of("run", "--scenario", "initial-election", "--seed", "4", "--out", run.toString()).exit());
    ObjectNode schedule = (ObjectNode) JSON.readTree(run.resolve("schedule.json").toFile());
    ArrayNode faults = schedule.putArray("faults");
    faults.addObject().put("atMillis", 100).putObject("fault").put("type", "crash").put("node", 2);
    faults.addObject().put("atMillis", 200).putObject("fault").put("type", "crash").put("node", 9);
    Files.writeString(run.resolve("schedule.json"), schedule.toString());
    CliRun r = refused(List.of("replay", run.toString()), "schedule.json", "fault #2", "crash n9", "nodes 1..");
    assertFalse(r.out().contains("REPLAY DIFFERS"), r.out());

    faults.removeAll();
    faults.addObject().put("atMillis", -5).putObject("fault").put("type", "crash").put("node", 1);
    Files.writeString(run.resolve("schedule.json"), schedule.toString());
    refused(List.of("replay", run.toString()), "schedule.json", "before the run starts");

    faults.removeAll();
    faults.addObject().put("atMillis", 5).putObject("fault").put("type", "meteor-strike");
    Files.writeString(run.resolve("schedule.json"), schedule.toString());
    refused(List.of("replay", run.toString()), "schedule.json", "meteor-strike");
  }

  @Test
  void outputPathsThatCannotBeWrittenAreRefusedBeforeAnyWork() throws IOException {
    Path aFile = file("a-file", "not a directory");
    Path under = aFile.resolve("sub");
    for (Path out : List.of(aFile, under)) {
      CliRun run = refused(List.of("run", "--scenario", "initial-election", "--seed", "1", "--out", out.toString()),
          "--out " + out);
      assertEquals("", run.out(), "nothing ran");
      refused(List.of("fuzz", "--scenario", "initial-election", "--seeds", "1..2", "--jobs", "1", "--out", out.toString()),
          "--out " + out);
    }
    Path runDir = tmp.resolve("good-run");
    assertEquals(0, CliRun.of("run", "--scenario", "initial-election", "--seed", "2", "--out", runDir.toString()).exit());
    Path aDir = Files.createDirectories(tmp.resolve("a-dir"));
    refused(List.of("report", runDir.toString(), "--out", aDir.toString()), "--out " + aDir, "is a directory");
    refused(List.of("report", runDir.toString(), "--format", "all", "--out", aDir.toString()), "is a directory");
    refused(List.of("report", runDir.toString(), "--out", under.resolve("r.html").toString()), "cannot create the directory");
    assertEquals("not a directory", Files.readString(aFile), "the file in the way is untouched");
    try (Stream<Path> all = Files.walk(tmp)) {
      assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no .tmp left behind");
    }
  }
}
