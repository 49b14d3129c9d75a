package io.tumbler.sim.tidy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The determinism rules of common.md and STYLE.md habit 1-2 as patterns over stripped source: real time, global
 * or unseeded randomness, threads and executors, locks, salted iteration order, identity hashes, and the
 * {@code java.lang.Math} functions that may differ in the last bit between JVMs (use {@code StrictMath}).
 */
final class ForbiddenApis {
    /** One rule: what to look for and why it is forbidden. */
    record Rule(Pattern pattern, String why) {
    }

    /** One hit. */
    record Violation(int line, String code, String why) {
    }

    static final List<Rule> RULES = List.of(
            rule("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b", "reads real time; use the simulated clock"),
            rule("\\b(Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime)\\s*\\.\\s*now\\b",
                    "reads real time; use the simulated clock"),
            rule("\\bClock\\s*\\.\\s*system", "reads real time; use the simulated clock"),
            rule("\\bnew\\s+(Random|SecureRandom)\\s*\\(", "unseeded randomness; draw from a named RandomStream"),
            rule("\\bThreadLocalRandom\\b|\\bMath\\s*\\.\\s*random\\b|\\bUUID\\s*\\.\\s*randomUUID\\b",
                    "global randomness; draw from a named RandomStream"),
            rule("\\bThread\\b|\\bExecutors?\\b|\\b\\w*ExecutorService\\b|\\bForkJoinPool\\b|\\bparallelStream\\b"
                    + "|\\b(supplyAsync|runAsync)\\b", "threads make runs irreproducible; the simulation is one thread"),
            rule("\\bsynchronized\\b", "locks imply threads; the simulation is one thread"),
            rule("\\b(Set|Map)\\s*\\.\\s*(of|ofEntries|copyOf)\\s*\\(",
                    "iteration order is salted per JVM; use TreeMap/LinkedHashMap/EnumMap or a List"),
            rule("\\bSystem\\s*\\.\\s*identityHashCode\\b", "identity hashes differ per JVM"),
            rule("\\bMath\\s*\\.\\s*(log|log10|log1p|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh"
                    + "|tanh|cbrt|hypot)\\s*\\(", "may differ in the last bit between JVMs; use StrictMath"));

    private ForbiddenApis() {
    }

    private static Rule rule(String regex, String why) {
        return new Rule(Pattern.compile(regex), why);
    }

    /** Every rule hit in {@code source}, ignoring comments and literals. */
    static List<Violation> scan(String source) {
        String[] original = source.split("\n", -1);
        String[] stripped = JavaSource.strip(source).split("\n", -1);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < stripped.length; i++) {
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(stripped[i]).find()) {
                    violations.add(new Violation(i + 1, original[i].trim(), rule.why()));
                }
            }
        }
        return violations;
    }
}
