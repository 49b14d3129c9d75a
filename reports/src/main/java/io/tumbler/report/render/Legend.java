package io.tumbler.report.render;

import io.tumbler.report.view.FaultKind;

/** The key to a timeline's colours, and its zoom buttons. */
final class Legend {
  private Legend() {}

  static String html(boolean binned) {
    return "<div class=\"legend\">"
        + sw("var(--ok)") + "ok " + sw("var(--fail)") + "fail (did not happen) " + sw("var(--info)")
        + "info (may or may not have happened) " + sw("var(--pending)") + "pending "
        + faultKinds()
        + "<span>┆ leader change (term)</span><span>▭ outlined: the counterexample</span></div>\n"
        + (binned ? "<p class=\"sub\">This history is long: each lane shows three strips (ok, fail, info) whose "
            + "darkness counts the operations in each time bin. Outlined operations are drawn one by one.</p>\n" : "");
  }

  /** A swatch per fault kind, in the colour its lane, its plot bands and its fault-table rows use. */
  private static String faultKinds() {
    StringBuilder b = new StringBuilder();
    for (FaultKind k : FaultKind.values()) {
      b.append("<span><span class=\"sw\" style=\"background:var(").append(FaultPalette.cssVariable(k))
          .append(");opacity:.6\"></span>").append(k.label()).append(" fault</span>");
    }
    return b.toString();
  }

  private static String sw(String colour) {
    return "<span class=\"sw\" style=\"background:" + colour + "\"></span>";
  }

  static String controls(String id) {
    return "<div class=\"controls\">"
        + "<button type=\"button\" data-timeline=\"" + id + "\" data-action=\"zoomIn\">Zoom in</button>"
        + "<button type=\"button\" data-timeline=\"" + id + "\" data-action=\"zoomOut\">Zoom out</button>"
        + "<button type=\"button\" data-timeline=\"" + id + "\" data-action=\"reset\">Reset</button>"
        + "<span>Scroll to zoom, drag to pan, hover a bar for the operation.</span> <span id=\"" + id
        + "-status\"></span></div>\n";
  }
}
