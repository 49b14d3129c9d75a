package io.tumbler.sim.tidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulator and the Raft core must be deterministic by construction: no real time, no global randomness, no
 * threads, no salted iteration order. Exempt: {@code io/tumbler/raft/runtime} (the production runtime, which
 * does real I/O) and {@code io/tumbler/sim/bench} (measures wall time from outside the kernel).
 */
class DeterminismTidyTest {
    private static final List<String> SCANNED = List.of("simulator/src/main/java", "raft-impl/src/main/java");
    private static final List<String> EXEMPT = List.of("io/tumbler/raft/runtime/", "io/tumbler/sim/bench/");

    @Test
    void simulatorAndRaftCoreUseNoNondeterministicApis() {
        Path root = SourceTree.root();
        List<String> report = new ArrayList<>();
        int scannedFiles = 0;
        for (String dir : SCANNED) {
            for (Path file : SourceTree.javaFiles(root.resolve(dir))) {
                String relative = SourceTree.relative(root, file);
                if (EXEMPT.stream().anyMatch(relative::contains)) {
                    continue;
                }
                scannedFiles++;
                for (ForbiddenApis.Violation v : ForbiddenApis.scan(SourceTree.read(file))) {
                    report.add(relative + ":" + v.line() + ": " + v.code() + "  <- " + v.why());
                }
            }
        }
        assertTrue(scannedFiles > 20, "the scan found too few files under " + root + ": " + scannedFiles);
        assertTrue(report.isEmpty(), "Nondeterministic APIs in deterministic code (" + report.size() + "):\n"
                + String.join("\n", report));
    }

    @Test
    void theRulesCatchEachForbiddenUseAndIgnoreCommentsAndStrings() {
        String source = String.join("\n",
                "long t = System.currentTimeMillis();",
                "long n = System . nanoTime();",
                "var i = Instant.now();",
                "var r = new Random(4);",
                "int x = ThreadLocalRandom.current().nextInt();",
                "double m = Math.random();",
                "var u = UUID.randomUUID();",
                "new Thread(() -> { }).start();",
                "var e = Executors.newFixedThreadPool(2);",
                "synchronized (this) { }",
                "for (var k : Set.of(1, 2)) { }",
                "var map = Map.of(\"a\", 1);",
                "double l = Math.log(2.0);",
                "int h = System.identityHashCode(this);",
                "// System.nanoTime() in a comment is fine",
                "String s = \"Set.of( in a string is fine\";",
                "double ok = StrictMath.log(2.0) + Math.floor(1.5) + Math.max(1, 2);",
                "List<Integer> fine = List.of(1, 2);");
        List<Integer> lines = ForbiddenApis.scan(source).stream().map(ForbiddenApis.Violation::line)
                .collect(Collectors.toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), lines);
    }
}
