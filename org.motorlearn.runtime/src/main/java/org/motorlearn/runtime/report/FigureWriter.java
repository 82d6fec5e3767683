package org.motorlearn.runtime.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders a {@link Figure}'s panels into one image: a PNG at twice the nominal size (sharp on
 * high-density screens and projectors) and an SVG whose panels stay vector graphics.
 */
final class FigureWriter {

  /** PNG pixels per nominal (CSS) pixel. */
  static final int PNG_SCALE = 2;

  private FigureWriter() {}

  static byte[] png(Figure figure) {
    BufferedImage image = new BufferedImage(figure.width() * PNG_SCALE, figure.height() * PNG_SCALE,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.scale(PNG_SCALE, PNG_SCALE);
    paint(figure, g);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode figure " + figure.name() + " as PNG", e);
    }
    return out.toByteArray();
  }

  static byte[] svg(Figure figure) {
    VectorGraphics2D g = new VectorGraphics2D();
    paint(figure, g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height())).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode figure " + figure.name() + " as SVG", e);
    }
    return SvgCompactor.compact(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void paint(Figure figure, Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, figure.width(), figure.height());
    int w = figure.panelWidth();
    int h = figure.panelHeight();
    for (int i = 0; i < figure.panels().size(); i++) {
      Chart<?, ?> chart = figure.panels().get(i);
      Graphics2D panel = (Graphics2D) g.create();
      panel.translate((i % figure.columns()) * w, (i / figure.columns()) * h);
      panel.clipRect(0, 0, w, h);
      chart.paint(panel, w, h);
      panel.dispose();
    }
  }
}
