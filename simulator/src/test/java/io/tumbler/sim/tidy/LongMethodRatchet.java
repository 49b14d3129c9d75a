package io.tumbler.sim.tidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The method-length ratchet: {@code .tidy/long-methods.txt} lists {@code path#method lines} for methods that were
 * already longer than the ceiling when the rule arrived. A listed method may shrink or disappear, never grow; a
 * method not listed may not exceed the ceiling. Overloads share one entry (the longest counts).
 */
final class LongMethodRatchet {
    static final int CEILING_LINES = 70;

    /** The outcome of comparing the code with the ratchet file. */
    record Verdict(List<String> violations, Map<String, Integer> tightened) {
        boolean canTighten(Map<String, Integer> allowed) {
            return !tightened.equals(allowed);
        }
    }

    private LongMethodRatchet() {
    }

    /** Parses the file; blank lines and {@code #} comments are ignored. */
    static Map<String, Integer> parse(String text) {
        Map<String, Integer> allowed = new TreeMap<>();
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2 || !parts[0].contains("#") || !parts[1].matches("\\d+")) {
                throw new IllegalArgumentException(".tidy/long-methods.txt line " + lineNumber
                        + ": expected 'path#method lines', got '" + raw + "'");
            }
            allowed.put(parts[0], Integer.parseInt(parts[1]));
        }
        return allowed;
    }

    /** Compares {@code measured} (key = path#method, value = longest length) with {@code allowed}. */
    static Verdict judge(Map<String, Integer> measured, Map<String, Integer> allowed) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> tightened = new TreeMap<>();
        for (Map.Entry<String, Integer> entry : measured.entrySet()) {
            int lines = entry.getValue();
            if (lines <= CEILING_LINES) {
                continue;
            }
            Integer limit = allowed.get(entry.getKey());
            if (limit == null) {
                violations.add(entry.getKey() + " has " + lines + " lines (ceiling " + CEILING_LINES + ")");
            } else if (lines > limit) {
                violations.add(entry.getKey() + " grew to " + lines + " lines (ratchet allows " + limit + ")");
            } else {
                tightened.put(entry.getKey(), lines);
            }
        }
        return new Verdict(violations, tightened);
    }

    /** The file text for {@code entries}. */
    static String render(Map<String, Integer> entries) {
        StringBuilder out = new StringBuilder()
                .append("# Methods longer than ").append(CEILING_LINES).append(" lines that predate the rule.\n")
                .append("# Format: path#method lines. Entries may only shrink or go away (MethodLengthRatchetTest);\n")
                .append("# regenerate tightened values with -Dtumbler.golden.update=true. Never add entries to dodge it.\n");
        entries.forEach((key, lines) -> out.append(key).append(' ').append(lines).append('\n'));
        return out.toString();
    }
}
