package io.tumbler.sim.tidy;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical helpers for the tidy checks: blanking comments and literals (so a forbidden name inside a string or a
 * comment is not a violation, and a brace inside one does not confuse the method finder), and a token list.
 * Good enough for ordinary Java; not a parser.
 */
final class JavaSource {
    /** A token and the 1-based line it starts on. */
    record Token(String text, int line) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean isIdentifier() {
            return Character.isJavaIdentifierStart(text.charAt(0));
        }
    }

    private JavaSource() {
    }

    /**
     * The source with comments, string/char literals and text blocks replaced by spaces (quotes kept), line
     * breaks preserved, so offsets and line numbers still match the original.
     */
    static String strip(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = blankUntil(source, i, out, "\n", false);
            } else if (source.startsWith("/*", i)) {
                i = blankUntil(source, i + 2, out.append("  "), "*/", false);
            } else if (source.startsWith("\"\"\"", i)) {
                i = blankUntil(source, i + 3, out.append("\"\"\""), "\"\"\"", true);
            } else if (c == '"' || c == '\'') {
                i = blankUntil(source, i + 1, out.append(c), String.valueOf(c), true);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Blanks from {@code i} up to and including {@code end} (kept verbatim unless it is a newline). */
    private static int blankUntil(String source, int i, StringBuilder out, String end, boolean escapes) {
        int n = source.length();
        while (i < n) {
            if (escapes && source.charAt(i) == '\\' && i + 1 < n) {
                out.append(' ').append(source.charAt(i + 1) == '\n' ? '\n' : ' ');
                i += 2;
            } else if (source.startsWith(end, i)) {
                out.append(end.equals("\n") ? "\n" : end.equals("*/") ? "  " : end);
                return i + end.length();
            } else {
                out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                i++;
            }
        }
        return i;
    }

    /** Tokens of stripped source: identifiers/keywords/numbers as words, every other visible char on its own. */
    static List<Token> tokens(String stripped) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < stripped.length()) {
            char c = stripped.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierPart(c)) {
                int start = i;
                while (i < stripped.length() && Character.isJavaIdentifierPart(stripped.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(stripped.substring(start, i), line));
            } else {
                tokens.add(new Token(String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }
}
