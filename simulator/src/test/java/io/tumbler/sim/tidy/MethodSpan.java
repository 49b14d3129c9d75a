package io.tumbler.sim.tidy;

/**
 * A method (or constructor) body found in a source file.
 *
 * @param name      simple name
 * @param startLine line of the name
 * @param endLine   line of the closing brace
 */
record MethodSpan(String name, int startLine, int endLine) {
    /** Lines from the name to the closing brace, both included. */
    int lines() {
        return endLine - startLine + 1;
    }
}
