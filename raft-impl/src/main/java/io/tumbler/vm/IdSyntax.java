package io.tumbler.vm;

/**
 * The syntax of host and VM ids: 1 to {@value #MAX_LENGTH} characters from {@code [A-Za-z0-9._:-]}.
 * Ids are compared as strings ({@link String#compareTo}); that order is the canonical order of the
 * state, of list results and of placement tie-breaks.
 */
public final class IdSyntax {
    /** Longest accepted id. */
    public static final int MAX_LENGTH = 64;

    private IdSyntax() {}

    /** Whether {@code id} is a well-formed id. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code id}, or throws naming {@code what} if it is malformed. */
    static String require(String what, String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_LENGTH + " of [A-Za-z0-9._:-], got "
                    + (id == null ? "null" : "\"" + id + "\""));
        }
        return id;
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }
}
