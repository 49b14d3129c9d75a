package io.tumbler.sim.tidy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MethodFinderTest {

    private static final String SAMPLE = String.join("\n",
            "package x;",                                                   // 1
            "/** A {@code {} brace in Javadoc. */",                         // 2
            "@SuppressWarnings(\"unchecked\")",                             // 3
            "public final class Sample<T extends Comparable<T>> {",         // 4
            "    private static final String TRICKY = \"}{ // \\\" {\";",   // 5
            "    private final char brace = '{';",                          // 6
            "    static { int[] a = {1, 2}; }",                             // 7
            "    { System.out.println(\"instance init\"); }",               // 8
            "    Sample() {",                                               // 9
            "        this(1);",                                             // 10
            "    }",                                                        // 11
            "    @Override",                                                // 12
            "    public <R> R generic(List<? extends T> items) throws java.io.IOException, RuntimeException {", // 13
            "        for (T item : items) { if (item == null) { continue; } }", // 14
            "        Runnable r = () -> { /* } */ };",                      // 15
            "        Object anon = new Object() {",                         // 16
            "            @Override public String toString() {",             // 17
            "                return \"\"\"",                                // 18
            "                    text block with } and {",                  // 19
            "                    \"\"\";",                                  // 20
            "            }",                                                // 21
            "        };",                                                   // 22
            "        switch (items.size()) { case 0: break; default: break; }", // 23
            "        try (var s = new java.io.StringReader(\"\")) { s.read(); } catch (Exception e) { }", // 24
            "        class Local { void inner() { } }",                     // 25
            "        return null;",                                         // 26
            "    }",                                                        // 27
            "    interface Port { default int answer() { return 42; } void abstractOne(); }", // 28
            "    enum Color {",                                             // 29
            "        RED(1) { @Override int code() { return 9; } },",       // 30
            "        GREEN(2), BLUE { };",                                  // 31
            "        Color(int c) { }",                                     // 32
            "        Color() { this(0); }",                                 // 33
            "        int code() { return 0; }",                             // 34
            "    }",                                                        // 35
            "    record Point(int x, int y) {",                             // 36
            "        Point {",                                              // 37
            "            if (x < 0) { throw new IllegalArgumentException(); }", // 38
            "        }",                                                    // 39
            "        int sum() { return x + y; }",                          // 40
            "    }",                                                        // 41
            "    private final Runnable field = new Runnable() { public void run() { } };", // 42
            "}");                                                           // 43

    private static String describe(List<MethodSpan> spans) {
        return spans.stream().map(s -> s.name() + ":" + s.startLine() + "-" + s.endLine())
                .collect(Collectors.joining(" "));
    }

    @Test
    void findsMethodsConstructorsAndNestedClassMethodsButNotBlocks() {
        assertEquals("Sample:9-11 toString:17-21 inner:25-25 generic:13-27 answer:28-28 code:30-30 Color:32-32 "
                + "Color:33-33 code:34-34 Point:37-39 sum:40-40 run:42-42", describe(MethodFinder.find(SAMPLE)));
    }

    @Test
    void lineCountIncludesTheNameAndTheClosingBrace() {
        MethodSpan generic = MethodFinder.find(SAMPLE).stream().filter(s -> s.name().equals("generic"))
                .findFirst().orElseThrow();
        assertEquals(15, generic.lines());
    }

    @Test
    void stripBlanksCommentsAndLiteralsButKeepsLines() {
        String source = "a // Set.of(\nb /* Map.of( \n */ \"Thread\" 'x' \"\"\"\n synchronized \"\"\" c";
        String stripped = JavaSource.strip(source);
        assertEquals(source.length(), stripped.length());
        assertEquals(source.chars().filter(c -> c == '\n').count(), stripped.chars().filter(c -> c == '\n').count());
        assertFalse(stripped.contains("Set.of"));
        assertFalse(stripped.contains("Map.of"));
        assertFalse(stripped.contains("Thread"));
        assertFalse(stripped.contains("synchronized"));
        assertTrue(stripped.startsWith("a "));
        assertTrue(stripped.endsWith(" c"));
    }

    @Test
    void escapedQuotesDoNotEndAString() {
        String stripped = JavaSource.strip("x = \"a\\\"b Thread\"; y = '\\''; Thread");
        assertEquals(1, stripped.split("Thread", -1).length - 1, stripped);
    }
}
