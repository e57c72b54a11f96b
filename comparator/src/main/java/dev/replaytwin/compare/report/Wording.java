package dev.replaytwin.compare.report;

import dev.replaytwin.compare.Verdict.Check;
import dev.replaytwin.compare.Verdict.Effect;
import dev.replaytwin.compare.Verdict.Example;
import dev.replaytwin.compare.Verdict.Measure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words every report uses for a check's numbers, so the Markdown, JUnit and HTML reports say the
 * same thing the same way. Returns plain text; each report escapes it for its format.
 */
final class Wording {
  /** What the reports show for a missing number. */
  static final String NONE = "n/a";

  private Wording() {}

  /** Three significant digits, no exponent for everyday sizes, {@value #NONE} for NaN. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return NONE;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "∞" : "-∞";
    }
    if (d == 0) {
      return "0";
    }
    double abs = Math.abs(d);
    if (abs >= 1e9 || abs < 1e-4) {
      return String.format(Locale.ROOT, "%.2e", d);
    }
    return new BigDecimal(d).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static String signed(double d) {
    String s = number(d);
    return d > 0 ? "+" + s : s;
  }

  private static String withUnit(String number, String unit) {
    if (unit.isEmpty() || unit.equals("count")) {
      return number;
    }
    return unit.equals("%") ? number + "%" : number + " " + unit;
  }

  /** A measure as the reports show it: its text when it has one, else value, unit and interval. */
  static String measure(Measure m) {
    if (!m.text().isEmpty()) {
      return m.text();
    }
    if (Double.isNaN(m.value())) {
      return NONE;
    }
    String s = withUnit(number(m.value()), m.unit());
    if (!Double.isNaN(m.low()) && !Double.isNaN(m.high())) {
      s += " (" + number(m.low()) + "–" + number(m.high()) + ")";
    }
    return s;
  }

  /**
   * The effect, e.g. {@code +46 ms (CI +40 ms to +52 ms), +38% (CI +33% to +43%)}, or {@value #NONE};
   * an absolute change of a percentage is given in percentage points ({@code +2.1 pp}).
   */
  static String effect(Effect e) {
    List<String> parts = new ArrayList<>();
    if (!Double.isNaN(e.absolute())) {
      // A difference of two percentages is in points, or "+2.1%" would read as a relative change.
      String unit = e.unit().equals("%") ? "pp" : e.unit();
      String s = withUnit(signed(e.absolute()), unit);
      if (!Double.isNaN(e.absoluteLow()) && !Double.isNaN(e.absoluteHigh())) {
        s += " (CI " + withUnit(signed(e.absoluteLow()), unit) + " to " + withUnit(signed(e.absoluteHigh()), unit) + ")";
      }
      parts.add(s);
    }
    if (!Double.isNaN(e.relative())) {
      String s = signed(e.relative() * 100) + "%";
      if (!Double.isNaN(e.relativeLow()) && !Double.isNaN(e.relativeHigh())) {
        s += " (CI " + signed(e.relativeLow() * 100) + "% to " + signed(e.relativeHigh() * 100) + "%)";
      }
      parts.add(s);
    }
    return parts.isEmpty() ? NONE : String.join(", ", parts);
  }

  /** The check's effect, or {@value #NONE} when it has none. */
  static String effect(Check c) {
    return c.effect() == null ? NONE : effect(c.effect());
  }

  /** The noise target's value, or {@value #NONE} without one. */
  static String noise(Check c) {
    return c.noise() == null ? NONE : measure(c.noise());
  }

  /** {@code p 0.0012, q 0.0031, 12000 samples}, leaving out what is not known. */
  static String statistics(Check c) {
    List<String> parts = new ArrayList<>();
    if (!Double.isNaN(c.pValue())) {
      parts.add("p " + number(c.pValue()));
    }
    if (!Double.isNaN(c.qValue())) {
      parts.add("q " + number(c.qValue()));
    }
    parts.add(c.samples() + (c.samples() == 1 ? " sample" : " samples"));
    return String.join(", ", parts);
  }

  /** The check as people name it: {@code latency p99}. */
  static String checkName(Check c) {
    return c.category() + " " + c.name();
  }

  /** {@code e-123 (loop 0): baseline 200, candidate 500}. */
  static String example(Example e) {
    return e.exchangeId() + " (loop " + e.loop() + ")" + (e.detail().isEmpty() ? "" : ": " + e.detail());
  }
}
