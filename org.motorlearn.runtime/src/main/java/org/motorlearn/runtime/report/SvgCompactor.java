package org.motorlearn.runtime.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VectorGraphics2D writes every segment of a polyline as its own {@code <line>} element; a chart with
 * many trials becomes megabytes. This joins runs of connected segments of one style into a
 * {@code <polyline>} and rounds their coordinates to 0.01 px (the drawing is unchanged).
 */
final class SvgCompactor {

  private static final Pattern LINE = Pattern.compile(
      "^(\\s*)<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>$");

  private SvgCompactor() {}

  static String compact(String svg) {
    StringBuilder out = new StringBuilder(svg.length() / 2);
    Run run = null;
    for (String line : svg.split("\n", -1)) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        String x1 = round(m.group(3));
        String x2 = round(m.group(4));
        String y1 = round(m.group(5));
        String y2 = round(m.group(6));
        if (run != null && run.style.equals(m.group(2)) && run.lastX.equals(x1) && run.lastY.equals(y1)) {
          run.add(x2, y2);
          continue;
        }
        if (run != null) {
          run.writeTo(out);
        }
        run = new Run(m.group(1), m.group(2), x1, y1);
        run.add(x2, y2);
        continue;
      }
      if (run != null) {
        run.writeTo(out);
        run = null;
      }
      out.append(line).append('\n');
    }
    if (run != null) {
      run.writeTo(out);
    }
    // split added one newline too many at the end
    return out.substring(0, out.length() - 1);
  }

  private static String round(String number) {
    double v = Double.parseDouble(number);
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  private static final class Run {
    final String indent;
    final String style;
    final StringBuilder points = new StringBuilder();
    int count = 1;
    String lastX;
    String lastY;

    Run(String indent, String style, String x, String y) {
      this.indent = indent;
      this.style = style;
      points.append(x).append(',').append(y);
      lastX = x;
      lastY = y;
    }

    void add(String x, String y) {
      points.append(' ').append(x).append(',').append(y);
      lastX = x;
      lastY = y;
      count++;
    }

    void writeTo(StringBuilder out) {
      out.append(indent).append("<polyline style=\"").append(style).append("\" points=\"").append(points).append("\"/>\n");
    }
  }
}
