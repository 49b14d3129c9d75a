package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Running out of heap, stack or disk is never a stack trace and never exit 1: {@code check} calls the verdict
 * UNKNOWN (exit 2), any other command exits 4, and one stderr line says what to raise. The real out-of-memory
 * path runs in a child JVM with a 32 MiB heap on a history too large to read into it.
 */
class ResourceExhaustionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void aHistoryTooLargeForTheHeapIsUnknownWithOneLineSayingWhatToRaise() throws Exception {
    Path big = ConcurrentRegisterHistories.write(tmp.resolve("big.jsonl"), 13, 4, 24L << 20);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-XX:TieredStopAtLevel=1", "-cp", classPath(), "io.tumbler.cli.Tumbler", "check", big.toString());
    Process child = new ProcessBuilder(command).start();
    child.getOutputStream().close();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = child.waitFor();

    assertEquals(ExitCode.LIVENESS, exit, "out of memory is an unknown verdict, exit 2\nstdout: " + out + "\nstderr: " + err);
    assertEquals(1, lines(err).size(), "one stderr line, no stack trace:\n" + err);
    assertFalse(err.contains("at java.") || err.contains("Exception in thread"), err);
    assertTrue(err.contains("out of memory") && err.contains("while reading") && err.contains("JAVA_OPTS=-Xmx"), err);
    assertTrue(out.contains(big + ": UNKNOWN"), out);
  }

  @Test
  void aTinySearchMemoryBudgetIsUnknownAndNamesTheOptionToRaise() throws Exception {
    Path history = ConcurrentRegisterHistories.write(tmp.resolve("wide.jsonl"), 5, 6, 1_000_000);
    CliRun r = CliRun.of("check", "--memory-budget", "1", "--json", history.toString());
    assertEquals(ExitCode.LIVENESS, r.exit(), r.out() + r.err());
    JsonNode verdict = JSON.readTree(lines(r.out()).get(0));
    assertEquals("UNKNOWN", verdict.get("verdict").asText(), r.out());
    assertEquals("memory_limit", verdict.get("cause").asText(), r.out());
    assertEquals(1, lines(r.err()).size(), r.err());
    assertTrue(r.err().contains("memory budget (1 MiB) ran out; raise --memory-budget"), r.err());

    CliRun roomy = CliRun.of("check", history.toString());
    assertEquals(ExitCode.PASS, roomy.exit(), "the same history with the default budget: " + roomy.out() + roomy.err());
    assertTrue(roomy.err().isEmpty(), roomy.err());
  }

  @Test
  void aZeroMemoryBudgetIsBadInput() throws Exception {
    Path history = ConcurrentRegisterHistories.write(tmp.resolve("small.jsonl"), 5, 2, 1_000);
    CliRun r = CliRun.of("check", "--memory-budget", "0", history.toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("--memory-budget must be at least 1"), r.err());
  }

  /** A command that fails with what it was given: the boundary sees exactly what a real command would throw. */
  @CommandLine.Command(name = "throws")
  static final class Throwing implements Callable<Integer> {
    private final Throwable failure;

    Throwing(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  /** Runs {@code tumbler throws}, a command that throws {@code failure}, through the real boundary. */
  private static CliRun throwing(Throwable failure) {
    CommandLine cli = Tumbler.commandLine();
    cli.addSubcommand("throws", new Throwing(failure));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("throws");
    return new CliRun(exit, out.toString(), err.toString());
  }

  @Test
  void outOfMemoryInAnyOtherCommandIsAHarnessErrorInOneLine() {
    CliRun heap = throwing(new OutOfMemoryError("Java heap space"));
    assertEquals(ExitCode.HARNESS_ERROR, heap.exit(), heap.err());
    assertEquals(1, lines(heap.err()).size(), heap.err());
    assertTrue(heap.err().startsWith("tumbler throws: out of memory (Java heap space; the heap is at most "), heap.err());
    assertTrue(heap.err().contains("raise the heap with -Xmx, e.g. JAVA_OPTS=-Xmx"), heap.err());

    // A campaign worker's error arrives wrapped by the thread pool's caller.
    CliRun wrapped = throwing(new IllegalStateException("a campaign worker failed",
        new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached")));
    assertEquals(ExitCode.HARNESS_ERROR, wrapped.exit(), wrapped.err());
    assertEquals(1, lines(wrapped.err()).size(), wrapped.err());
    assertTrue(wrapped.err().contains("out of threads") && wrapped.err().contains("--jobs"), wrapped.err());

    CliRun stack = throwing(new StackOverflowError());
    assertEquals(ExitCode.HARNESS_ERROR, stack.exit(), stack.err());
    assertTrue(stack.err().contains("out of stack") && stack.err().contains("-Xss"), stack.err());

    CliRun disk = throwing(new UncheckedIOException(new IOException("No space left on device")));
    assertEquals(ExitCode.HARNESS_ERROR, disk.exit(), disk.err());
    assertEquals(1, lines(disk.err()).size(), disk.err());
    assertTrue(disk.err().contains("the disk is full"), disk.err());
  }

  @Test
  void onlyExhaustionIsRecognisedAndTheSuggestedHeapGrows() {
    assertNull(ResourceExhaustion.of(new IllegalStateException("a bug", new IOException("Connection reset"))));
    assertNotNull(ResourceExhaustion.of(new RuntimeException(new RuntimeException(new OutOfMemoryError("Metaspace")))));
    assertEquals("128m", ResourceExhaustion.suggestedHeap(30L << 20));
    assertEquals("128m", ResourceExhaustion.suggestedHeap(32L << 20));
    assertEquals("16g", ResourceExhaustion.suggestedHeap(4L << 30));
  }
}
