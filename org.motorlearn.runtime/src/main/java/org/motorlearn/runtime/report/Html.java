package org.motorlearn.runtime.report;

import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page: CSS inline, figures as base64 PNG data URIs, no script, no link to
 * anything outside the page (it opens offline and can be mailed as one file).
 */
final class Html {

  private static final String CSS = """
      :root { --text: #222; --muted: #666; --line: #ddd; --accent: #0072B2; }
      body { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--text); margin: 0;
             background: #fafafa; line-height: 1.45; }
      main { max-width: 1320px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
      h1 { font-size: 28px; margin: 0 0 4px; }
      h2 { font-size: 21px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 40px; }
      h3 { font-size: 17px; margin: 24px 0 6px; }
      .subtitle { color: var(--muted); margin: 0 0 16px; }
      .status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 14px; font-weight: bold;
                color: #fff; vertical-align: middle; margin-left: 8px; }
      .status.completed { background: #009E73; } .status.failed { background: #B2182B; }
      .status.running, .status.cancelled, .status.unknown { background: #E69F00; }
      .error { background: #fdecea; border-left: 4px solid #B2182B; padding: 8px 12px; }
      .warning { background: #fff4e0; border-left: 4px solid #E69F00; padding: 8px 12px; }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; font-size: 14px; }
      dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
      code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
      pre { background: #f4f4f4; padding: 12px; overflow-x: auto; border-radius: 4px; }
      details { margin: 12px 0; } summary { cursor: pointer; color: var(--accent); }
      nav ul { columns: 2; font-size: 14px; padding-left: 18px; }
      nav a, a { color: var(--accent); text-decoration: none; }
      figure { margin: 12px 0 28px; }
      figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
      figcaption, .caption { color: var(--muted); font-size: 14px; max-width: 1000px; }
      table { border-collapse: collapse; font-size: 14px; margin: 8px 0 4px; }
      th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; }
      th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
      footer { color: var(--muted); font-size: 13px; margin-top: 48px; }
      """;

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n" + body
        + "</main>\n</body>\n</html>\n";
  }

  /** A figure with its PNG embedded; the displayed size is the figure's nominal size. */
  static String figure(Figure figure, byte[] png) {
    return "<figure id=\"" + escape(figure.name()) + "\">\n<h3>" + escape(figure.title()) + "</h3>\n"
        + "<img alt=\"" + escape(figure.title()) + "\" width=\"" + figure.width() + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png) + "\">\n<figcaption>" + escape(figure.caption())
        + " Files: report/" + escape(figure.name()) + ".png, .svg.</figcaption>\n</figure>\n";
  }

  static String table(Table table) {
    return "<section id=\"" + escape(table.name()) + "\">\n<h3>" + escape(table.title()) + "</h3>\n<p class=\"caption\">"
        + escape(table.caption()) + " Files: report/" + escape(table.name()) + ".csv, .md.</p>\n" + table.html()
        + "</section>\n";
  }

  /** A table of contents linking to the figures and tables on the page. */
  static String contents(List<Figure> figures, List<Table> tables) {
    StringBuilder out = new StringBuilder("<nav>\n<ul>\n");
    for (Figure f : figures) {
      out.append("<li><a href=\"#").append(escape(f.name())).append("\">").append(escape(f.title())).append("</a></li>\n");
    }
    for (Table t : tables) {
      out.append("<li><a href=\"#").append(escape(t.name())).append("\">").append(escape(t.title())).append("</a></li>\n");
    }
    return out.append("</ul>\n</nav>\n").toString();
  }

  static String facts(List<String[]> rows) {
    StringBuilder out = new StringBuilder("<dl class=\"facts\">\n");
    for (String[] r : rows) {
      if (r[1] != null && !r[1].isEmpty()) {
        out.append("<dt>").append(escape(r[0])).append("</dt><dd>").append(escape(r[1])).append("</dd>\n");
      }
    }
    return out.append("</dl>\n").toString();
  }
}
