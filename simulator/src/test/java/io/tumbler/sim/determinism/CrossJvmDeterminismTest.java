package io.tumbler.sim.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumbler.sim.kernel.RunResult;
import io.tumbler.sim.trace.Fingerprint;
import io.tumbler.sim.trace.TraceJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Same seed, same fingerprint: in this JVM, in two fresh JVMs, and on a second installed JDK when there is one.
 * Fresh JVMs matter because identity hash codes and the iteration order of {@code Set.of}/{@code Map.of} change
 * per JVM; a leak of either into the simulation shows up here as differing fingerprints.
 */
class CrossJvmDeterminismTest {
    private static final String[] SEEDS = {"1", "2", "-7"};

    @Test
    void twoFreshJvmsPrintTheSameFingerprintsAsThisOne() throws Exception {
        String javaHome = System.getProperty("java.home");
        List<String> first = runWorkload(javaHome);
        List<String> second = runWorkload(javaHome);
        assertEquals(first, second);
        assertEquals(inProcess(), first);
        assertDistinctPerSeed(first);
    }

    @Test
    void aSecondInstalledJdkPrintsTheSameFingerprints() throws Exception {
        Path other = otherJdk();
        assumeTrue(other != null, "only one JDK found under /usr/lib/jvm (besides " + System.getProperty("java.home")
                + "): skipping the cross-JDK determinism check");
        System.out.println("[determinism] cross-JDK check: " + System.getProperty("java.home") + " vs " + other);
        assertEquals(inProcess(), runWorkload(other.toString()), "fingerprints differ on " + other);
    }

    @Test
    void textModeDoesNotChangeTheFingerprint() {
        RunResult plain = ChaosWorkload.run(3, TraceJournal.fingerprintOnly());
        TraceJournal text = TraceJournal.withText();
        RunResult verbose = ChaosWorkload.run(3, text);
        assertEquals(plain.fingerprint(), verbose.fingerprint());
        assertEquals(text.recordCount(), text.records().size());
        assertTrue(text.records().size() > 10_000, "the workload is not trivial: " + text.records().size());
    }

    private static List<String> inProcess() {
        List<String> lines = new ArrayList<>();
        for (String seed : SEEDS) {
            RunResult result = ChaosWorkload.run(Long.parseLong(seed), TraceJournal.fingerprintOnly());
            lines.add("seed=" + seed + " fingerprint=" + Fingerprint.hex(result.fingerprint())
                    + " events=" + result.eventsExecuted());
        }
        return lines;
    }

    private static void assertDistinctPerSeed(List<String> lines) {
        TreeMap<String, String> bySeed = new TreeMap<>();
        for (String line : lines) {
            String fingerprint = line.split(" ")[1];
            assertTrue(bySeed.put(fingerprint, line) == null, "two seeds share " + fingerprint + ": " + lines);
        }
        assertNotEquals(lines.get(0), lines.get(1));
    }

    private static List<String> runWorkload(String javaHome) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(javaHome, "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChaosWorkload.class.getName());
        command.addAll(List.of(SEEDS));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        // A bound on a hung child, not a timed assertion: the child normally takes about a second.
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "workload JVM did not exit");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "workload JVM failed (" + javaHome + "):\n" + text);
        return text.lines().filter(line -> line.startsWith("seed=")).collect(java.util.stream.Collectors.toList());
    }

    /** A JDK under /usr/lib/jvm other than the running one (by canonical path), preferring another major version. */
    private static Path otherJdk() throws IOException {
        Path current = Paths.get(System.getProperty("java.home")).toRealPath();
        Path root = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(root)) {
            return null;
        }
        TreeMap<String, Path> candidates = new TreeMap<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path java = entry.resolve("bin").resolve("java");
                if (Files.isExecutable(java) && !entry.toRealPath().equals(current)) {
                    candidates.put(entry.toRealPath().toString(), entry.toRealPath());
                }
            }
        }
        String currentMajor = String.valueOf(Runtime.version().feature());
        for (Path candidate : candidates.values()) {
            if (!candidate.getFileName().toString().contains(currentMajor)) {
                return candidate;
            }
        }
        return candidates.isEmpty() ? null : candidates.firstEntry().getValue();
    }
}
