package io.tumbler.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping and number formatting shared by the HTML, SVG and XML writers. */
public final class Markup {
  private Markup() {}

  /** Escapes text for an HTML/XML element body or a double-quoted attribute. */
  public static String esc(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          // XML 1.0 forbids most control characters, even escaped; a report must still load.
          b.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? '?' : c);
      }
    }
    return b.toString();
  }

  /** A coordinate with one decimal, dot-separated whatever the locale, trailing ".0" dropped. */
  public static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /** Milliseconds for a table: three significant decimals. */
  public static String millis(double ms) {
    return String.format(Locale.ROOT, "%.3f", ms);
  }

  /** A text resource of this module (CSS, JS), read from the class path. */
  public static String resource(String name) {
    try (InputStream in = Markup.class.getResourceAsStream("/io/tumbler/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the reports jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }
}
