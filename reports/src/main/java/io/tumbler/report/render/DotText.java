package io.tumbler.report.render;

/** Quoting for the DOT language: every id and attribute value we write goes through {@link #q}. */
final class DotText {
  private DotText() {}

  /** {@code text} as a double-quoted DOT string; line breaks become DOT's centred {@code \n}. */
  static String q(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c >= 0x20) {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** A DOT length in points with at most one decimal, dot-separated whatever the locale. */
  static String pt(double v) {
    return Markup.num(v);
  }
}
