package org.motorlearn.dsl.ui.runs;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.motorlearn.dsl.ui.runs.RunReport.PhaseReport;

/**
 * Training loss per update, all phases one after the other on a log scale (losses span decades),
 * each phase in its own colour with its name at its start.
 */
final class LossChart extends Canvas {
  private static final RGB[] PALETTE = {new RGB(31, 119, 180), new RGB(255, 127, 14), new RGB(44, 160, 44),
      new RGB(214, 39, 40), new RGB(148, 103, 189), new RGB(140, 86, 75)};
  private static final int MARGIN = 40;

  private List<PhaseReport> phases = List.of();

  LossChart(Composite parent) {
    super(parent, SWT.DOUBLE_BUFFERED);
    addPaintListener(event -> paint(event.gc));
  }

  void setPhases(List<PhaseReport> phases) {
    this.phases = phases;
    redraw();
  }

  private void paint(GC gc) {
    Rectangle area = getClientArea();
    gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
    gc.fillRectangle(area);
    int total = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (PhaseReport phase : phases) {
      total += phase.loss().length;
      for (double value : phase.loss()) {
        if (value > 0 && Double.isFinite(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
    if (total < 2 || !(max > 0)) {
      gc.drawText("No training loss recorded (evaluation-only phases, or the run has not trained yet).",
          MARGIN, area.height / 2, true);
      return;
    }
    double logMin = Math.log10(min);
    double logMax = Math.max(Math.log10(max), logMin + 1e-9);
    int left = area.x + MARGIN;
    int right = area.x + area.width - 10;
    int top = area.y + 10;
    int bottom = area.y + area.height - 25;
    gc.drawLine(left, bottom, right, bottom);
    gc.drawLine(left, top, left, bottom);
    gc.drawText(String.format("%.3g", max), 2, top, true);
    gc.drawText(String.format("%.3g", min), 2, bottom - 12, true);
    gc.drawText("loss (log) per update", left + 5, bottom + 5, true);
    int start = 0;
    for (int p = 0; p < phases.size(); p++) {
      double[] loss = phases.get(p).loss();
      Color color = new Color(PALETTE[p % PALETTE.length]);
      gc.setForeground(color);
      gc.setLineWidth(2);
      int previousX = -1;
      int previousY = -1;
      for (int k = 0; k < loss.length; k++) {
        if (!(loss[k] > 0) || !Double.isFinite(loss[k])) {
          previousX = -1;
          continue;
        }
        int x = left + (int) ((long) (right - left) * (start + k) / Math.max(1, total - 1));
        int y = bottom - (int) ((bottom - top) * (Math.log10(loss[k]) - logMin) / (logMax - logMin));
        if (previousX >= 0) {
          gc.drawLine(previousX, previousY, x, y);
        }
        previousX = x;
        previousY = y;
      }
      if (loss.length > 0) {
        int x = left + (int) ((long) (right - left) * start / Math.max(1, total - 1));
        gc.drawText(phases.get(p).name(), x + 3, top + 14 * p, true);
      }
      start += loss.length;
    }
  }
}
