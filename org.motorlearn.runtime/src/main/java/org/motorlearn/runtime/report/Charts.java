package org.motorlearn.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * XChart charts in the report's house style: white background, light grid, no chart border, fonts
 * large enough to read on a projector, legend inside the plot only where it does not hide data.
 */
final class Charts {

  static final String FONT = Font.SANS_SERIF;

  private Charts() {}

  static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    style(chart.getStyler());
    chart.getStyler().setMarkerSize(7);
    return chart;
  }

  static CategoryChart category(String title, String xTitle, String yTitle, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setOverlapped(false);
    return chart;
  }

  static HeatMapChart heatMap(String title, String xTitle, String yTitle, int width, int height) {
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setAxisTicksVisible(false);
    chart.getStyler().setRangeColors(Palette.diverging());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setShowValue(false);
    chart.getStyler().setDrawBorder(false);
    return chart;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(Palette.GREY);
    s.setPlotGridLinesColor(Palette.LIGHT_GREY);
    s.setPlotGridLinesStroke(new BasicStroke(0.8f));
    s.setChartFontColor(Palette.TEXT);
    s.setAxisTickLabelsColor(Palette.TEXT);
    s.setChartTitleFont(new Font(FONT, Font.BOLD, 17));
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(8);
    s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
    s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
    s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
    s.setLegendBorderColor(Palette.LIGHT_GREY);
    if (!(s instanceof org.knowm.xchart.style.HeatMapStyler)) {
      s.setLegendPosition(Styler.LegendPosition.InsideNE);
    }
    s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
    s.setChartPadding(10);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
  }
}
