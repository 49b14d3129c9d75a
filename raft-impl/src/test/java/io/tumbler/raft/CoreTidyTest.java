package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the pure core ({@code io.tumbler.raft}, not its sub-packages) to the determinism rules and
 * the method-length ceiling of STYLE.md: no clocks, global randomness, threads, locks, or
 * iteration-order-salted collections; no method longer than 70 lines.
 */
class CoreTidyTest {
    private static final int METHOD_LINES_MAX = 70;
    private static final Pattern FORBIDDEN = Pattern.compile(
            "System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now|new Random\\b|ThreadLocalRandom|Math\\.random"
                    + "|UUID\\.randomUUID|\\bThread\\b|Executor|\\bsynchronized\\b|\\bHashMap\\b|\\bHashSet\\b"
                    + "|\\bSet\\.of\\b|\\bMap\\.of\\b|\\bLocalDateTime\\b|\\bClock\\b");
    private static final Pattern METHOD_START = Pattern.compile(
            "^( {4}| {8})(?!.*\\b(class|record|interface|enum|new|return|if|for|while|switch|else)\\b)[\\w<>\\[\\], .?]+\\([^;]*\\)\\s*(throws [\\w., ]+)?\\{\\s*$");

    @Test
    void coreUsesNoNondeterministicApis() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : RaftSources.under(Path.of("io", "tumbler", "raft"), false, 31)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = RaftSources.stripComment(lines.get(i));
                Matcher m = FORBIDDEN.matcher(code);
                if (m.find()) {
                    violations.add(file.getFileName() + ":" + (i + 1) + " uses " + m.group());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void coreMethodsStayShort() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        for (Path file : RaftSources.under(Path.of("io", "tumbler", "raft"), false, 31)) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher start = METHOD_START.matcher(lines.get(i));
                if (start.matches()) {
                    methods++;
                    int length = lengthOfBlock(lines, i, start.group(1));
                    if (length > METHOD_LINES_MAX) {
                        tooLong.add(file.getFileName() + ":" + (i + 1) + " is " + length + " lines");
                    }
                }
            }
        }
        assertTrue(methods > 150, "the method scanner found only " + methods + " methods: is it broken?");
        assertEquals(List.of(), tooLong);
    }

    private static int lengthOfBlock(List<String> lines, int start, String indent) {
        for (int j = start + 1; j < lines.size(); j++) {
            if (lines.get(j).equals(indent + "}")) {
                return j - start + 1;
            }
        }
        throw new AssertionError("unbalanced method at line " + (start + 1));
    }
}
