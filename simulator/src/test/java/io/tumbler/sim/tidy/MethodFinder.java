package io.tumbler.sim.tidy;

import io.tumbler.sim.tidy.JavaSource.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds method and constructor bodies by brace matching over {@link JavaSource#tokens}. Each {@code '{'} is
 * classified by the tokens since the previous {@code ';'}, {@code '{'} or {@code '}'} (its "header"):
 * a type declaration opens a class body; inside a class body, {@code name(...) [throws ...] {} opens a method,
 * {@code new T(...) {} an anonymous class, an enum constant with a body a class body, a record's compact
 * constructor a method; everything else (initializers, lambdas, control blocks, array initializers) is a block.
 * Methods of local and anonymous classes are found too.
 */
final class MethodFinder {
    private static final TreeSet<String> NOT_METHOD_NAMES = new TreeSet<>(List.of(
            "if", "for", "while", "switch", "catch", "synchronized", "try", "do", "else", "return", "new", "throw",
            "assert", "case", "default", "this", "super"));

    private enum Kind { CLASS, METHOD, BLOCK }

    private record Frame(Kind kind, String name, boolean isEnum, boolean isRecord, int startLine) {
    }

    private MethodFinder() {
    }

    /** Every method and constructor body in {@code source}, in order of their closing braces. */
    static List<MethodSpan> find(String source) {
        List<Token> tokens = JavaSource.tokens(JavaSource.strip(source));
        List<MethodSpan> methods = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        int headerStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.is("{")) {
                stack.push(classify(tokens.subList(headerStart, i), stack.peek()));
                headerStart = i + 1;
            } else if (token.is("}")) {
                Frame closed = stack.poll();
                if (closed != null && closed.kind() == Kind.METHOD) {
                    methods.add(new MethodSpan(closed.name(), closed.startLine(), token.line()));
                }
                headerStart = i + 1;
            } else if (token.is(";")) {
                headerStart = i + 1;
            }
        }
        return methods;
    }

    private static Frame classify(List<Token> header, Frame enclosing) {
        Frame type = typeDeclaration(header);
        if (type != null) {
            return type;
        }
        boolean inClassBody = enclosing != null && enclosing.kind() == Kind.CLASS;
        int close = closingParenthesis(header);
        if (close >= 0) {
            return afterParameters(header, close, enclosing, inClassBody);
        }
        List<Token> words = withoutLeadingPunctuation(header);
        if (inClassBody && words.size() == 1 && words.get(0).isIdentifier()) {
            String name = words.get(0).text();
            if (enclosing.isRecord() && name.equals(enclosing.name())) {
                return new Frame(Kind.METHOD, name, false, false, words.get(0).line());
            }
            if (enclosing.isEnum() && !name.equals("static")) {
                return new Frame(Kind.CLASS, name, false, false, words.get(0).line());
            }
        }
        return new Frame(Kind.BLOCK, "", false, false, 0);
    }

    /** A class, interface, enum or record declaration header, or null. */
    private static Frame typeDeclaration(List<Token> header) {
        for (int i = 0; i + 1 < header.size(); i++) {
            String word = header.get(i).text();
            boolean afterDot = i > 0 && header.get(i - 1).is(".");
            Token next = header.get(i + 1);
            if (afterDot || !next.isIdentifier()) {
                continue;
            }
            boolean plainType = word.equals("class") || word.equals("interface") || word.equals("enum");
            boolean record = word.equals("record") && i + 2 < header.size()
                    && (header.get(i + 2).is("(") || header.get(i + 2).is("<"));
            if (plainType || record) {
                return new Frame(Kind.CLASS, next.text(), word.equals("enum"), record, next.line());
            }
        }
        return null;
    }

    /** Index of the ')' that ends a parameter list right before the brace (skipping a throws clause), or -1. */
    private static int closingParenthesis(List<Token> header) {
        int i = header.size() - 1;
        for (int j = i; j >= 0; j--) {
            if (header.get(j).is("throws")) {
                i = j - 1;
                break;
            }
            Token t = header.get(j);
            if (!(t.isIdentifier() || t.is(".") || t.is(",") || t.is("<") || t.is(">"))) {
                break;
            }
        }
        return i >= 0 && header.get(i).is(")") ? i : -1;
    }

    private static Frame afterParameters(List<Token> header, int close, Frame enclosing, boolean inClassBody) {
        int open = matchingOpen(header, close);
        if (open <= 0 || !header.get(open - 1).isIdentifier()) {
            return new Frame(Kind.BLOCK, "", false, false, 0);
        }
        Token name = header.get(open - 1);
        if (isAnonymousClass(header, open - 1)) {
            return new Frame(Kind.CLASS, "", false, false, name.line());
        }
        if (!inClassBody || NOT_METHOD_NAMES.contains(name.text())) {
            return new Frame(Kind.BLOCK, "", false, false, 0);
        }
        boolean bareCall = withoutLeadingPunctuation(header.subList(0, open)).size() == 1;
        if (enclosing.isEnum() && bareCall && !name.text().equals(enclosing.name())) {
            return new Frame(Kind.CLASS, name.text(), false, false, name.line()); // enum constant with a body
        }
        return new Frame(Kind.METHOD, name.text(), false, false, name.line());
    }

    private static int matchingOpen(List<Token> header, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (header.get(i).is(")")) {
                depth++;
            } else if (header.get(i).is("(") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the type name at {@code nameIndex} follows {@code new} (possibly qualified or generic). */
    private static boolean isAnonymousClass(List<Token> header, int nameIndex) {
        for (int i = nameIndex; i >= 0; i--) {
            Token t = header.get(i);
            if (t.is("new")) {
                return true;
            }
            if (!(t.isIdentifier() || t.is(".") || t.is("<") || t.is(">") || t.is(",") || t.is("?"))) {
                return false;
            }
        }
        return false;
    }

    /** The header without leading separators and annotations ({@code , @Foo(x) A(1)} becomes {@code A(1)}). */
    private static List<Token> withoutLeadingPunctuation(List<Token> header) {
        int i = 0;
        while (i < header.size() && (header.get(i).is(",") || header.get(i).is("@"))) {
            if (header.get(i).is("@")) {
                i = skipAnnotation(header, i);
            } else {
                i++;
            }
        }
        return header.subList(i, header.size());
    }

    private static int skipAnnotation(List<Token> header, int at) {
        int i = at + 1;
        while (i < header.size() && (header.get(i).isIdentifier() || header.get(i).is("."))) {
            i++;
        }
        if (i < header.size() && header.get(i).is("(")) {
            int depth = 0;
            for (; i < header.size(); i++) {
                if (header.get(i).is("(")) {
                    depth++;
                } else if (header.get(i).is(")") && --depth == 0) {
                    return i + 1;
                }
            }
        }
        return i;
    }
}
