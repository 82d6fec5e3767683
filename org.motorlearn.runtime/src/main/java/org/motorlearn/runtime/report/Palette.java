package org.motorlearn.runtime.report;

import java.awt.Color;
import java.util.List;

/**
 * Colours that mean the same thing in every figure: one per phase (the paper's hypotheses get fixed
 * colours, other phases the Okabe-Ito colour-blind-safe series) and one per reach direction (a hue
 * wheel, so neighbouring targets get neighbouring hues).
 */
final class Palette {

  static final Color BASELINE = new Color(0x33, 0x33, 0x33);
  static final Color GREY = new Color(0x99, 0x99, 0x99);
  static final Color LIGHT_GREY = new Color(0xDD, 0xDD, 0xDD);
  static final Color TEXT = new Color(0x22, 0x22, 0x22);

  /** Okabe & Ito (2008), without black and yellow (too light on white). */
  private static final List<Color> SERIES = List.of(
      new Color(0x00, 0x72, 0xB2), // blue
      new Color(0xD5, 0x5E, 0x00), // vermillion
      new Color(0x00, 0x9E, 0x73), // bluish green
      new Color(0xCC, 0x79, 0xA7), // reddish purple
      new Color(0xE6, 0x9F, 0x00), // orange
      new Color(0x56, 0xB4, 0xE9)); // sky blue

  private Palette() {}

  /**
   * The colour of a phase. Hinput and Hlocal (the paper's names) always get blue and vermillion,
   * a null phase grey; other phases take the series colours by their position among the phases.
   */
  static Color phase(String name, int index) {
    String n = name.toLowerCase();
    if (n.equals("hinput")) {
      return SERIES.get(0);
    }
    if (n.equals("hlocal")) {
      return SERIES.get(1);
    }
    if (n.equals("null")) {
      return GREY;
    }
    return SERIES.get(Math.floorMod(index + 2, SERIES.size()));
  }

  /** Colour of reach direction {@code target} of {@code targets}: hue follows the target angle. */
  static Color target(int target, int targets) {
    float hue = targets <= 0 ? 0 : (float) target / targets;
    return Color.getHSBColor(hue, 0.75f, 0.82f);
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** A lighter tint of a colour (mixed with white), for a secondary series of the same phase. */
  static Color lighter(Color c, double amount) {
    return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
  }

  private static int mix(int channel, double amount) {
    return (int) Math.round(channel + (255 - channel) * amount);
  }

  /** Diverging blue - white - red scale for signed matrices (zero is white). */
  static Color[] diverging() {
    return new Color[] {
        new Color(0x21, 0x66, 0xAC), new Color(0x67, 0xA9, 0xCF), new Color(0xD1, 0xE5, 0xF0), Color.WHITE,
        new Color(0xFD, 0xDB, 0xC7), new Color(0xEF, 0x8A, 0x62), new Color(0xB2, 0x18, 0x2B)};
  }
}
