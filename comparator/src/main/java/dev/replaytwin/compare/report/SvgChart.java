package dev.replaytwin.compare.report;

import static dev.replaytwin.compare.report.Escape.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Draws a line chart as inline SVG, in Java, so the report renders without scripts: axes with ticks
 * and grid lines, one line per target (broken where a value is NaN), a dot with a hover title per
 * point when there are few, and an HTML legend. A chart without a single finite point says so
 * instead of drawing empty axes.
 */
final class SvgChart {
  static final int WIDTH = 600;
  static final int HEIGHT = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 30;
  private static final int TOP = 16;
  private static final int BOTTOM = 48;
  private static final int MAX_DOTS = 200;

  /** One target's points, in data coordinates, with a hover text per point. */
  record Line(String target, double[] x, double[] y, List<String> tips) {}

  /** A tick on an axis, in data coordinates. */
  record Tick(double at, String label) {}

  /**
   * A linear axis: its title, data range and ticks. Lines on a log axis are given already mapped (see
   * {@link PlotCharts#percentileX}).
   */
  record Axis(String title, double min, double max, List<Tick> ticks) {}

  private SvgChart() {}

  static String render(String title, Axis xAxis, Axis yAxis, List<Line> lines, Palette palette) {
    StringBuilder svg = new StringBuilder();
    svg.append("<figure class=\"chart\">\n<figcaption>").append(html(title)).append("</figcaption>\n");
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\">\n");
    svg.append("<title>").append(html(title)).append("</title>\n");
    boolean hasData = lines.stream().anyMatch(SvgChart::hasFinitePoint);
    if (!hasData) {
      svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
          .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/>\n");
      svg.append("<text class=\"nodata\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
          .append("\" text-anchor=\"middle\">no data recorded</text>\n</svg>\n</figure>\n");
      return svg.toString();
    }
    DoubleUnaryOperator sx = scale(xAxis.min(), xAxis.max(), LEFT, WIDTH - RIGHT);
    DoubleUnaryOperator sy = scale(yAxis.min(), yAxis.max(), HEIGHT - BOTTOM, TOP);
    axes(svg, xAxis, yAxis, sx, sy);
    List<String> targets = palette.order(lines.stream().map(Line::target).distinct().toList());
    for (String target : targets) {
      for (Line line : lines) {
        if (line.target().equals(target)) {
          line(svg, line, sx, sy, palette);
        }
      }
    }
    svg.append("</svg>\n");
    legend(svg, targets, palette);
    return svg.append("</figure>\n").toString();
  }

  private static boolean hasFinitePoint(Line line) {
    for (int i = 0; i < line.x().length; i++) {
      if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
        return true;
      }
    }
    return false;
  }

  private static DoubleUnaryOperator scale(double min, double max, double from, double to) {
    double span = max > min ? max - min : 1;
    return d -> from + (Math.max(min, Math.min(max, d)) - min) / span * (to - from);
  }

  private static void axes(StringBuilder svg, Axis xAxis, Axis yAxis, DoubleUnaryOperator sx, DoubleUnaryOperator sy) {
    svg.append("<g class=\"axes\">\n");
    for (Tick t : yAxis.ticks()) {
      String y = coord(sy.applyAsDouble(t.at()));
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
          .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(html(t.label())).append("</text>\n");
    }
    for (Tick t : xAxis.ticks()) {
      String x = coord(sx.applyAsDouble(t.at()));
      svg.append("<line class=\"grid\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(TOP)
          .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
          .append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
          .append("\" text-anchor=\"middle\">").append(html(t.label())).append("</text>\n");
    }
    svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"/>\n");
    svg.append("<text class=\"axis-title\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
        .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(html(xAxis.title())).append("</text>\n");
    svg.append("<text class=\"axis-title\" transform=\"translate(14 ").append((TOP + HEIGHT - BOTTOM) / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">").append(html(yAxis.title())).append("</text>\n");
    svg.append("</g>\n");
  }

  private static void line(StringBuilder svg, Line line, DoubleUnaryOperator sx, DoubleUnaryOperator sy,
      Palette palette) {
    String color = palette.color(line.target());
    StringBuilder d = new StringBuilder();
    boolean penDown = false;
    List<String> dots = new ArrayList<>();
    int n = line.x().length;
    for (int i = 0; i < n; i++) {
      double x = line.x()[i];
      double y = line.y()[i];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        penDown = false;
        continue;
      }
      String px = coord(sx.applyAsDouble(x));
      String py = coord(sy.applyAsDouble(y));
      d.append(penDown ? " L" : (d.length() == 0 ? "M" : " M")).append(px).append(' ').append(py);
      penDown = true;
      if (n <= MAX_DOTS) {
        dots.add("<circle cx=\"" + px + "\" cy=\"" + py + "\" r=\"2.5\"><title>" + html(line.tips().get(i))
            + "</title></circle>");
      }
    }
    svg.append("<g class=\"series\" data-target=\"").append(html(line.target())).append("\" stroke=\"").append(color)
        .append("\" fill=\"").append(color).append("\">\n");
    svg.append("<path class=\"line\" fill=\"none\" d=\"").append(d).append('"')
        .append(palette.dashed(line.target()) ? " stroke-dasharray=\"7 4\"" : "").append("/>\n");
    dots.forEach(dot -> svg.append(dot).append('\n'));
    svg.append("</g>\n");
  }

  private static void legend(StringBuilder out, List<String> targets, Palette palette) {
    out.append("<ul class=\"legend\">");
    for (String target : targets) {
      String role = palette.role(target);
      out.append("<li><span class=\"swatch").append(palette.dashed(target) ? " dashed" : "")
          .append("\" style=\"border-color:").append(palette.color(target)).append("\"></span>")
          .append(html(target)).append(role.isEmpty() ? "" : " <span class=\"role\">(" + role + ")</span>")
          .append("</li>");
    }
    out.append("</ul>\n");
  }

  private static String coord(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** About five round ticks (1, 2 or 5 times a power of ten) from {@code min} to at least {@code max}. */
  static List<Tick> niceTicks(double min, double max) {
    if (!(max > min)) {
      max = min + 1;
    }
    double rough = (max - min) / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = magnitude * (rough / magnitude <= 1 ? 1 : rough / magnitude <= 2 ? 2 : rough / magnitude <= 5 ? 5 : 10);
    List<Tick> ticks = new ArrayList<>();
    double first = Math.floor(min / step) * step;
    for (int i = 0; first + i * step <= max + step * 0.999 && i < 50; i++) {
      double at = first + i * step;
      ticks.add(new Tick(at, Wording.number(Math.abs(at) < step * 1e-9 ? 0 : at)));
    }
    return ticks;
  }
}
