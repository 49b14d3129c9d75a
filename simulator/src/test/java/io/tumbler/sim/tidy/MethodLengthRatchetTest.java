package io.tumbler.sim.tidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Holds every main-source method of every module at or under {@value LongMethodRatchet#CEILING_LINES} lines,
 * except those grandfathered in {@code .tidy/long-methods.txt}, which may only shrink.
 */
class MethodLengthRatchetTest {
    private static final String RATCHET_FILE = ".tidy/long-methods.txt";

    @Test
    void noMethodExceedsTheCeilingOrOutgrowsItsRatchetEntry() throws IOException {
        Path root = SourceTree.root();
        Map<String, Integer> measured = measure(root);
        assertTrue(measured.size() > 50, "too few methods found under " + root + ": " + measured.size());
        Path ratchet = root.resolve(RATCHET_FILE);
        Map<String, Integer> allowed = Files.exists(ratchet)
                ? LongMethodRatchet.parse(Files.readString(ratchet)) : new TreeMap<>();
        LongMethodRatchet.Verdict verdict = LongMethodRatchet.judge(measured, allowed);
        if (verdict.canTighten(allowed)) {
            if (Boolean.getBoolean("tumbler.golden.update")) {
                Files.createDirectories(ratchet.getParent());
                Files.writeString(ratchet, LongMethodRatchet.render(verdict.tightened()));
            } else {
                System.out.println("[tidy] " + RATCHET_FILE + " can be tightened: rerun with "
                        + "-Dtumbler.golden.update=true and commit the smaller file.");
            }
        }
        assertTrue(verdict.violations().isEmpty(), "Methods over the " + LongMethodRatchet.CEILING_LINES
                + "-line ceiling:\n  " + String.join("\n  ", verdict.violations())
                + "\nFix: split the method (push ifs up, extract the leaves) until it fits. " + RATCHET_FILE
                + " only grandfathers old methods; entries may shrink, never grow.");
    }

    private static Map<String, Integer> measure(Path root) {
        Map<String, Integer> longest = new TreeMap<>();
        for (Path sourceRoot : SourceTree.mainSourceRoots(root)) {
            for (Path file : SourceTree.javaFiles(sourceRoot)) {
                String relative = SourceTree.relative(root, file);
                for (MethodSpan method : MethodFinder.find(SourceTree.read(file))) {
                    longest.merge(relative + "#" + method.name(), method.lines(), Math::max);
                }
            }
        }
        return longest;
    }

    @Test
    void theRatchetFailsNewLongMethodsAndGrowthAndTightensShrinkage() {
        Map<String, Integer> allowed = LongMethodRatchet.parse("# comment\n\na/B.java#old 90\na/B.java#gone 80\n");
        Map<String, Integer> measured = new TreeMap<>(Map.of("a/B.java#old", 85, "a/B.java#new", 71,
                "a/B.java#short", 70));
        LongMethodRatchet.Verdict verdict = LongMethodRatchet.judge(measured, allowed);
        assertEquals(1, verdict.violations().size());
        assertTrue(verdict.violations().get(0).startsWith("a/B.java#new has 71 lines"));
        assertEquals(Map.of("a/B.java#old", 85), verdict.tightened());
        assertTrue(verdict.canTighten(allowed));
        measured.put("a/B.java#old", 91);
        assertTrue(LongMethodRatchet.judge(measured, allowed).violations().get(1).contains("grew to 91"));
        assertEquals(allowed.get("a/B.java#old"), LongMethodRatchet.parse(LongMethodRatchet.render(allowed))
                .get("a/B.java#old"));
        assertThrows(IllegalArgumentException.class, () -> LongMethodRatchet.parse("no-hash 12\n"));
    }
}
