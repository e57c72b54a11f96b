package dev.replaytwin.compare.report;

import dev.replaytwin.compare.Verdict.Distribution;
import dev.replaytwin.compare.Verdict.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the verdict's chart data into {@link SvgChart}s: latency percentile distributions on
 * HdrHistogram's plotter axis, and metrics over time.
 */
final class PlotCharts {
  /** Decades the percentile axis always shows: 0% to 99.999%. */
  private static final int MIN_DECADES = 5;
  /** Decades it may grow to when the data go further (99.99999%). */
  private static final int MAX_DECADES = 7;

  private PlotCharts() {}

  /**
   * The percentile axis as HdrHistogram's plotter draws it: {@code log10(1 / (1 - p))}, so 0% is at
   * 0, 90% at 1, 99% at 2 and so on; 100% (the maximum) has no place on it and is drawn at the right
   * edge.
   */
  static double percentileX(double percentile, int decades) {
    if (percentile >= 100) {
      return decades;
    }
    return Math.min(decades, Math.log10(1 / (1 - Math.max(0, percentile) / 100)));
  }

  /** The latency distributions of every target for one endpoint, overlaid. */
  static String distribution(String title, List<Distribution> distributions, Palette palette) {
    int decades = MIN_DECADES;
    double maxMillis = 0;
    for (Distribution d : distributions) {
      for (int i = 0; i < d.percentiles().size(); i++) {
        double p = d.percentiles().get(i);
        if (p < 100 && Double.isFinite(d.millis().get(i))) {
          decades = Math.max(decades, Math.min(MAX_DECADES, (int) Math.ceil(percentileX(p, MAX_DECADES) - 1e-9)));
        }
        if (Double.isFinite(d.millis().get(i))) {
          maxMillis = Math.max(maxMillis, d.millis().get(i));
        }
      }
    }
    List<SvgChart.Line> lines = new ArrayList<>();
    for (Distribution d : distributions) {
      int n = d.percentiles().size();
      double[] x = new double[n];
      double[] y = new double[n];
      List<String> tips = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        double p = d.percentiles().get(i);
        x[i] = Double.isFinite(p) ? percentileX(p, decades) : Double.NaN;
        y[i] = d.millis().get(i);
        tips.add(d.target() + ": p" + Wording.number(p) + " = " + Wording.number(y[i]) + " ms");
      }
      lines.add(new SvgChart.Line(d.target(), x, y, tips));
    }
    List<SvgChart.Tick> xTicks = new ArrayList<>();
    for (int k = 0; k <= decades; k++) {
      xTicks.add(new SvgChart.Tick(k, percentileLabel(k)));
    }
    List<SvgChart.Tick> yTicks = SvgChart.niceTicks(0, maxMillis);
    return SvgChart.render(title,
        new SvgChart.Axis("percentile (log scale: 1/(1-p))", 0, decades, xTicks),
        new SvgChart.Axis("latency (ms)", 0, yTicks.get(yTicks.size() - 1).at(), yTicks),
        lines, palette);
  }

  /** {@code 0%}, {@code 90%}, {@code 99%}, {@code 99.9%}… for decade {@code k}. */
  static String percentileLabel(int k) {
    return switch (k) {
      case 0 -> "0%";
      case 1 -> "90%";
      case 2 -> "99%";
      default -> "99." + "9".repeat(k - 2) + "%";
    };
  }

  /** One metric over the run's time, every target overlaid. */
  static String overTime(String title, String metric, List<Series> series, Palette palette) {
    double minT = Double.POSITIVE_INFINITY;
    double maxT = Double.NEGATIVE_INFINITY;
    double minV = 0;
    double maxV = 0;
    String unit = "";
    List<SvgChart.Line> lines = new ArrayList<>();
    for (Series s : series) {
      unit = s.unit();
      int n = s.seconds().size();
      double[] x = new double[n];
      double[] y = new double[n];
      List<String> tips = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        x[i] = s.seconds().get(i);
        y[i] = s.values().get(i);
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          minT = Math.min(minT, x[i]);
          maxT = Math.max(maxT, x[i]);
          minV = Math.min(minV, y[i]);
          maxV = Math.max(maxV, y[i]);
        }
        tips.add(s.target() + " at " + Wording.number(x[i]) + " s: " + Wording.number(y[i]) + " " + s.unit());
      }
      lines.add(new SvgChart.Line(s.target(), x, y, tips));
    }
    if (minT > maxT) {
      minT = 0;
      maxT = 1;
    }
    List<SvgChart.Tick> xTicks = SvgChart.niceTicks(minT, maxT);
    List<SvgChart.Tick> yTicks = SvgChart.niceTicks(minV, maxV);
    return SvgChart.render(title,
        new SvgChart.Axis("time since start (s)", minT, maxT, clip(xTicks, minT, maxT)),
        new SvgChart.Axis(unit.isEmpty() ? metric : metric + " (" + unit + ")", yTicks.get(0).at(),
            yTicks.get(yTicks.size() - 1).at(), yTicks),
        lines, palette);
  }

  /** The time axis spans the data exactly; only ticks inside it are drawn. */
  private static List<SvgChart.Tick> clip(List<SvgChart.Tick> ticks, double min, double max) {
    return ticks.stream().filter(t -> t.at() >= min - 1e-9 && t.at() <= max + 1e-9).toList();
  }
}
