package io.tumbler.scenario.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same fingerprint with the real Raft running: in two fresh JVMs (one with a
 * different identity-hash algorithm, so nothing may depend on identity hashes), and on a second installed
 * JDK when the machine has one. Different seeds give different fingerprints.
 */
class CrossJvmDeterminismTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private JsonNode runInFreshJvm(Path java, long seed, String... jvmFlags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(List.of(jvmFlags));
    command.addAll(List.of("-cp", classPath(), "io.tumbler.cli.Tumbler", "run", "--scenario", "default",
        "--seed", Long.toString(seed), "--json", "--no-trace", "--out", tmp.resolve("run-" + seed + "-" + System.nanoTime()).toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    assertTrue(exit == 0 || exit == 1 || exit == 2, "child JVM failed (exit " + exit + "): " + err);
    return JSON.readTree(out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
        () -> new AssertionError("no JSON from the child JVM; stderr: " + err)));
  }

  private static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  @Test
  void sameSeedSameFingerprintInTwoJvms() throws Exception {
    JsonNode a = runInFreshJvm(currentJava(), 7);
    JsonNode b = runInFreshJvm(currentJava(), 7, "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2");
    assertEquals(a.get("fingerprint").asText(), b.get("fingerprint").asText(), "fingerprints differ: " + a + " vs " + b);
    assertEquals(a.get("events").asLong(), b.get("events").asLong());
    assertTrue(a.get("events").asLong() > 10_000, "the run should do real work: " + a);
    JsonNode c = runInFreshJvm(currentJava(), 8);
    assertNotEquals(a.get("fingerprint").asText(), c.get("fingerprint").asText(), "different seeds, same fingerprint");
  }

  @Test
  void sameSeedSameFingerprintOnAnotherJdk() throws Exception {
    Path other = otherJdk();
    if (other == null) {
      System.out.println("CrossJvmDeterminismTest: only one JDK installed under /usr/lib/jvm; the other-JDK case is skipped");
      return;
    }
    JsonNode a = runInFreshJvm(currentJava(), 11);
    JsonNode b = runInFreshJvm(other, 11);
    assertEquals(a.get("fingerprint").asText(), b.get("fingerprint").asText(),
        "fingerprint differs between " + System.getProperty("java.home") + " and " + other);
  }

  /** A JDK other than the running one, version 17 or later, if one is installed. */
  private static Path otherJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    Path current = Path.of(System.getProperty("java.home")).toRealPath();
    try (Stream<Path> dirs = Files.list(jvms)) {
      for (Path dir : dirs.sorted().toList()) {
        Path java = dir.resolve("bin/java");
        if (Files.isExecutable(java) && !dir.toRealPath().equals(current) && !dir.toRealPath().startsWith(current)
            && !current.startsWith(dir.toRealPath()) && isAtLeast17(dir)) {
          return java;
        }
      }
    }
    return null;
  }

  private static boolean isAtLeast17(Path jdk) throws IOException {
    Path release = jdk.resolve("release");
    if (!Files.exists(release)) {
      return false;
    }
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=")) {
        String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
        int major = Integer.parseInt(v.split("[.]")[0]);
        return major >= 17;
      }
    }
    return false;
  }
}
