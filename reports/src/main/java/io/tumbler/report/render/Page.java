package io.tumbler.report.render;

/**
 * The frame of a self-contained HTML page: inline CSS and script, no external resource, so a report opens
 * from a CI artifact, an e-mail attachment or a file system without network access.
 */
final class Page {
  private Page() {}

  static String wrap(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"generator\" content=\"tumbler report\">\n"
        + "<title>" + Markup.esc(title) + "</title>\n<style>\n" + Markup.resource("report.css") + FaultPalette.css() + "</style>\n"
        + "</head>\n<body>\n<main>\n" + body + "</main>\n<script>\n" + Markup.resource("report.js")
        + "</script>\n</body>\n</html>\n";
  }

  /** A command in a dark box with a copy button; {@code id} must be unique in the page. */
  static String command(String id, String command) {
    return "<div class=\"cmd\"><code id=\"" + id + "\">" + Markup.esc(command) + "</code>"
        + "<button type=\"button\" data-copy=\"" + id + "\">Copy</button></div>\n";
  }

  /** A verdict badge, coloured by verdict. */
  static String badge(String verdict) {
    String v = verdict.toLowerCase(java.util.Locale.ROOT);
    return "<span class=\"badge " + Markup.esc(v) + "\">" + Markup.esc(verdict) + "</span>";
  }
}
