package io.tumbler.report.render;

import io.tumbler.report.view.FaultKind;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one colour of each fault kind, used everywhere a fault is drawn: the timeline's fault lanes, the plots'
 * shaded bands, the fault table's swatches and time strips. The page's CSS variables ({@code --net},
 * {@code --proc}, ...) are generated from here, so the HTML and the XChart plots cannot drift apart.
 */
final class FaultPalette {
  private static final Map<FaultKind, String> HEX = new EnumMap<>(FaultKind.class);

  static {
    HEX.put(FaultKind.NETWORK, "#4f5fc4");
    HEX.put(FaultKind.PROCESS, "#c62828");
    HEX.put(FaultKind.PAUSE, "#8d6e63");
    HEX.put(FaultKind.CLOCK, "#00897b");
    HEX.put(FaultKind.DISK, "#7b1fa2");
    HEX.put(FaultKind.OPERATOR, "#546e7a");
  }

  private FaultPalette() {}

  /** The kind's colour as {@code #rrggbb}. */
  static String hex(FaultKind kind) {
    return HEX.get(kind);
  }

  /** The kind's colour with {@code alpha} (0..255), for XChart. */
  static Color awt(FaultKind kind, int alpha) {
    Color c = Color.decode(hex(kind));
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** The CSS custom property that holds the kind's colour in the page. */
  static String cssVariable(FaultKind kind) {
    switch (kind) {
      case NETWORK:
        return "--net";
      case PROCESS:
        return "--proc";
      case PAUSE:
        return "--pause";
      case CLOCK:
        return "--clock";
      case DISK:
        return "--disk";
      case OPERATOR:
        return "--op";
      default:
        throw new AssertionError("a fault kind without a colour: " + kind);
    }
  }

  /** A {@code :root} rule declaring every kind's CSS variable. */
  static String css() {
    StringBuilder b = new StringBuilder(":root {");
    for (FaultKind k : FaultKind.values()) {
      b.append(' ').append(cssVariable(k)).append(':').append(hex(k)).append(';');
    }
    return b.append(" }\n").toString();
  }
}
