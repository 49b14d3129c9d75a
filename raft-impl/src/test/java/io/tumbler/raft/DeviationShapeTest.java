package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds every known-bug branch in raft-impl's main sources to the deviation convention of {@link KnownBug}: a
 * {@code bugs.on(...)} test appears only inside a small method named {@code ...Deviation} that tests exactly one bug
 * and whose Javadoc links that bug, and every bug of the catalog has at least one such method. So the method holding
 * a rule always reads as the correct rule, and a reader finds each deviation by its name.
 */
class DeviationShapeTest {
    /** A deviation is one small decision; anything longer belongs in the correct rule's own code. */
    private static final int DEVIATION_LINES_MAX = 12;
    private static final Pattern BUG_TEST = Pattern.compile("\\.on\\(");
    private static final Pattern NAMED_BUG = Pattern.compile("\\.on\\(\\s*KnownBug\\.(\\w+)\\s*\\)");
    private static final Pattern METHOD_START = Pattern.compile(
            "^( {4}| {8})(?!.*\\b(class|record|interface|enum|new|return|if|for|while|switch|else)\\b)"
                    + "[\\w<>\\[\\], .?]+?(\\w+)\\([^;]*\\)\\s*(throws [\\w., ]+)?\\{\\s*$");

    /** One {@code .on(} test found in a source line, with the method that holds it (null when none was found). */
    private record BugTest(Path file, int line, String code, Method method) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    /** A method: its name, first and last line (0-based, inclusive) and the Javadoc right above it. */
    private record Method(String name, int start, int end, String javadoc) {}

    @Test
    void everyBugTestSitsInADeviationMethodThatLinksItsOneBug() throws IOException {
        List<BugTest> tests = bugTests();
        assertTrue(tests.size() >= KnownBug.values().length,
                "found only " + tests.size() + " bug tests in raft-impl: is the scanner broken?");
        List<String> violations = new ArrayList<>();
        for (BugTest test : tests) {
            violations.addAll(violationsOf(test));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyKnownBugHasADeviationMethod() throws IOException {
        Set<KnownBug> seen = EnumSet.noneOf(KnownBug.class);
        for (BugTest test : bugTests()) {
            Matcher named = NAMED_BUG.matcher(test.code());
            while (named.find()) {
                seen.add(KnownBug.valueOf(named.group(1)));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (KnownBug bug : KnownBug.values()) {
            if (!seen.contains(bug)) {
                missing.add(bug.name());
            }
        }
        assertEquals(Set.of(), missing, "catalog entries without a deviation in raft-impl");
    }

    private static List<String> violationsOf(BugTest test) {
        List<String> out = new ArrayList<>();
        Method method = test.method();
        if (method == null) {
            out.add(test.where() + " tests a bug outside any method the scanner recognises: " + test.code().trim());
            return out;
        }
        if (!method.name().endsWith("Deviation")) {
            out.add(test.where() + " tests a bug in " + method.name() + "(), which is no ...Deviation method");
        }
        if (method.end() - method.start() + 1 > DEVIATION_LINES_MAX) {
            out.add(test.where() + " " + method.name() + "() is longer than " + DEVIATION_LINES_MAX + " lines");
        }
        Matcher named = NAMED_BUG.matcher(test.code());
        if (!named.find()) {
            out.add(test.where() + " tests a bug not named as KnownBug.X: " + test.code().trim());
        } else if (!method.javadoc().contains("{@link KnownBug#" + named.group(1) + "}")) {
            out.add(test.where() + " " + method.name() + "()'s Javadoc does not link {@link KnownBug#" + named.group(1) + "}");
        }
        return out;
    }

    /** Every {@code .on(} in the main sources, each with its enclosing method; one bug per deviation method. */
    private static List<BugTest> bugTests() throws IOException {
        List<BugTest> out = new ArrayList<>();
        for (Path file : RaftSources.under(Path.of(""), true, 61)) {
            if (file.getFileName().toString().equals("KnownBugs.java")) {
                continue; // where on() is defined
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = RaftSources.stripComment(lines.get(i));
                if (BUG_TEST.matcher(code).find()) {
                    out.add(new BugTest(file, i + 1, code, enclosingMethod(lines, i)));
                }
            }
        }
        requireOneBugPerMethod(out);
        return out;
    }

    private static void requireOneBugPerMethod(List<BugTest> tests) {
        List<String> mixed = new ArrayList<>();
        for (BugTest a : tests) {
            for (BugTest b : tests) {
                if (a.method() != null && a.file().equals(b.file()) && a.method().equals(b.method())
                        && !bugOf(a).equals(bugOf(b))) {
                    mixed.add(a.where() + " and " + b.where() + " test different bugs in " + a.method().name() + "()");
                }
            }
        }
        assertEquals(List.of(), mixed, "a deviation method deviates for exactly one bug");
    }

    private static String bugOf(BugTest test) {
        Matcher named = NAMED_BUG.matcher(test.code());
        return named.find() ? named.group(1) : "?";
    }

    /** The nearest method declared above {@code line} whose body contains it, or null. */
    private static Method enclosingMethod(List<String> lines, int line) {
        for (int i = line; i >= 0; i--) {
            Matcher start = METHOD_START.matcher(lines.get(i));
            if (start.matches()) {
                int end = endOfBlock(lines, i, start.group(1));
                return end >= line ? new Method(start.group(3), i, end, javadocAbove(lines, i)) : null;
            }
        }
        return null;
    }

    private static int endOfBlock(List<String> lines, int start, String indent) {
        for (int j = start + 1; j < lines.size(); j++) {
            if (lines.get(j).equals(indent + "}")) {
                return j;
            }
        }
        return -1;
    }

    /** The {@code /** ... *}{@code /} block ending right above {@code declaration} (annotations skipped), or "". */
    private static String javadocAbove(List<String> lines, int declaration) {
        int end = declaration - 1;
        while (end >= 0 && lines.get(end).trim().startsWith("@")) {
            end--;
        }
        if (end < 0 || !lines.get(end).trim().endsWith("*/")) {
            return "";
        }
        StringBuilder doc = new StringBuilder();
        for (int i = end; i >= 0; i--) {
            doc.insert(0, lines.get(i).trim() + " ");
            if (lines.get(i).trim().startsWith("/**")) {
                return doc.toString();
            }
        }
        return "";
    }
}
