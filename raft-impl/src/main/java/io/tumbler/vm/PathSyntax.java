package io.tumbler.vm;

/**
 * The syntax of path-store keys: {@code /segment(/segment)*}, each segment 1..64 characters from
 * {@code [A-Za-z0-9._:-]} and neither {@code .} nor {@code ..}, the whole at most {@value #MAX_LENGTH}
 * characters. The root {@code /} names the top of the hierarchy: it can be listed but holds no value.
 *
 * <p>Why segments exclude {@code /} and why the root is special: keys are kept in one sorted map, and
 * "the children of {@code p}" are exactly the keys in the range {@code [p + "/", p + "0")} because
 * {@code '0'} is the character after {@code '/'}.
 */
public final class PathSyntax {
    /** Longest accepted path. */
    public static final int MAX_LENGTH = 512;
    /** The root of the hierarchy. */
    public static final String ROOT = "/";

    private PathSyntax() {}

    /** Whether {@code path} can hold a value (any well-formed path but the root). */
    public static boolean isValidKey(String path) {
        return path != null && !path.equals(ROOT) && isValidPath(path);
    }

    /** Whether {@code path} is the root or a well-formed key. */
    public static boolean isValidPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.equals(ROOT)) {
            return true;
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            boolean boundary = i == path.length() || path.charAt(i) == '/';
            if (boundary) {
                if (!isValidSegment(path, segmentStart, i)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!IdSyntax.isIdChar(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code path}, or throws if it cannot hold a value. */
    static String requireKey(String path) {
        if (!isValidKey(path)) {
            throw new IllegalArgumentException("not a path-store key (want /segment(/segment)*, segments of"
                    + " [A-Za-z0-9._:-], at most " + MAX_LENGTH + " chars): " + quote(path));
        }
        return path;
    }

    /** Returns {@code path}, or throws if it is neither the root nor a key. */
    static String requirePath(String path) {
        if (!isValidPath(path)) {
            throw new IllegalArgumentException("not a path (want / or /segment(/segment)*): " + quote(path));
        }
        return path;
    }

    /** The prefix every descendant of {@code path} starts with. */
    static String descendantPrefix(String path) {
        return path.equals(ROOT) ? ROOT : path + "/";
    }

    private static boolean isValidSegment(String path, int start, int end) {
        int length = end - start;
        if (length == 0 || length > IdSyntax.MAX_LENGTH) {
            return false;
        }
        String segment = path.substring(start, end);
        return !segment.equals(".") && !segment.equals("..");
    }

    private static String quote(String path) {
        return path == null ? "null" : "\"" + path + "\"";
    }
}
