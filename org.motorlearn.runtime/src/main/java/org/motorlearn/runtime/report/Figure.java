package org.motorlearn.runtime.report;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One figure of a report: panels (XChart charts of equal size) laid out in a grid, written as one PNG
 * and one SVG named {@code <name>.png/.svg}.
 *
 * @param name file name without extension, also the HTML anchor
 * @param caption what the figure shows and how it was computed (plain text)
 * @param columns panels per row
 */
record Figure(String name, String title, String caption, List<? extends Chart<?, ?>> panels, int columns) {

  Figure {
    panels = List.copyOf(panels);
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("figure " + name + " has no panels");
    }
    columns = Math.max(1, Math.min(columns, panels.size()));
  }

  int rows() {
    return (panels.size() + columns - 1) / columns;
  }

  int panelWidth() {
    return panels.stream().mapToInt(Chart::getWidth).max().orElse(0);
  }

  int panelHeight() {
    return panels.stream().mapToInt(Chart::getHeight).max().orElse(0);
  }

  int width() {
    return columns * panelWidth();
  }

  int height() {
    return rows() * panelHeight();
  }
}
