package io.tumbler.report.render;

/**
 * What drawing one Graphviz diagram gave: the SVG, or the reason there is none. A missing diagram is an
 * expected outcome (no engine on this machine, a layout error), never an exception: the report is written
 * either way and says what is missing.
 */
public sealed interface Diagram permits Diagram.Drawn, Diagram.Unavailable {

  /**
   * A drawn diagram.
   *
   * @param svg an {@code <svg>} element fit to be inlined in HTML (no XML prolog, no doctype, ids prefixed so
   *     that several diagrams can share a page)
   */
  record Drawn(String svg) implements Diagram {
    public Drawn {
      assert svg.startsWith("<svg") && svg.strip().endsWith("</svg>") : "not an inline svg element";
    }
  }

  /**
   * No diagram.
   *
   * @param reason why, in a few words a reader can act on ("no Graphviz engine: ...")
   */
  record Unavailable(String reason) implements Diagram {}

  /** The diagram, or a short plain note saying why there is none; {@code cssClass} goes on the wrapper. */
  default String html(String cssClass) {
    if (this instanceof Drawn d) {
      return "<div class=\"graphviz " + cssClass + "\">" + d.svg() + "</div>\n";
    }
    return "<p class=\"sub diagram-unavailable\">diagram unavailable: " + Markup.esc(((Unavailable) this).reason())
        + "</p>\n";
  }
}
