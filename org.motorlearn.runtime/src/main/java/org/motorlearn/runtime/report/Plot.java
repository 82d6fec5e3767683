package org.motorlearn.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adding styled series to XChart charts (XChart needs unique series names; hidden ones get a counter). */
final class Plot {

  private static final float[] DASH = {7f, 5f};
  private static final float[] DOT = {2f, 4f};

  enum Stroke {
    SOLID,
    DASHED,
    DOTTED
  }

  private Plot() {}

  static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width, Stroke stroke,
      boolean inLegend) {
    XYSeries s = chart.addSeries(unique(chart, name), x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(stroke(width, stroke));
    s.setShowInLegend(inLegend);
    return s;
  }

  static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker,
      boolean inLegend) {
    XYSeries s = chart.addSeries(unique(chart, name), x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(color);
    s.setShowInLegend(inLegend);
    return s;
  }

  static XYSeries errorBars(XYChart chart, String name, double[] x, double[] y, double[] spread, Color color) {
    XYSeries s = chart.addSeries(unique(chart, name), x, y, spread);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
    s.setLineColor(color);
    s.setLineStyle(stroke(2.2f, Stroke.SOLID));
    return s;
  }

  static BasicStroke stroke(float width, Stroke stroke) {
    return switch (stroke) {
      case SOLID -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      case DASHED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f);
      case DOTTED -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, DOT, 0f);
    };
  }

  /** XChart keys series by name: a hidden series gets an invisible suffix to keep names unique. */
  private static String unique(XYChart chart, String name) {
    String candidate = name;
    int n = 1;
    while (chart.getSeriesMap().containsKey(candidate)) {
      candidate = name + "\u200B".repeat(n++);
    }
    return candidate;
  }
}
