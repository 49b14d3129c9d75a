package io.tumbler.report.render;

import java.awt.Color;
import java.util.List;

/**
 * The colour of each operation type ({@code f}) in the latency and rate plots, by the type's place in the
 * sorted list of types, so "read" has the same colour in both plots. Chosen apart from the
 * {@link FaultPalette} colours so a type's line never reads as a fault band.
 */
final class OpTypeColours {
  private static final List<Color> COLOURS = List.of(new Color(0x33, 0x33, 0x33), new Color(0xe6, 0x55, 0x0d),
      new Color(0x31, 0xa3, 0x54), new Color(0xd6, 0xa4, 0x00), new Color(0x17, 0xbe, 0xcf),
      new Color(0xe3, 0x77, 0xc2));

  private OpTypeColours() {}

  /** The colour of the type at {@code index} of the sorted types, with {@code alpha} (0..255). */
  static Color of(int index, int alpha) {
    Color c = COLOURS.get(index % COLOURS.size());
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
