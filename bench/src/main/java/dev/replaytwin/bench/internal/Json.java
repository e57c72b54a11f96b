package dev.replaytwin.bench.internal;

/**
 * A minimal compact-JSON writer for the generated bodies: no pretty printing, commas placed
 * automatically. Strings are escaped for quotes and backslashes only; the vocabulary has no
 * control characters.
 */
public final class Json {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private final StringBuilder sb;
  private boolean needComma;

  public Json(int capacity) {
    sb = new StringBuilder(capacity);
  }

  public Json obj() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  public Json obj(String name) {
    key(name);
    sb.append('{');
    needComma = false;
    return this;
  }

  public Json end() {
    sb.append('}');
    needComma = true;
    return this;
  }

  public Json arr(String name) {
    key(name);
    sb.append('[');
    needComma = false;
    return this;
  }

  public Json endArr() {
    sb.append(']');
    needComma = true;
    return this;
  }

  public Json str(String name, String value) {
    key(name);
    quote(value);
    needComma = true;
    return this;
  }

  /** A string element of the current array. */
  public Json str(String value) {
    comma();
    quote(value);
    needComma = true;
    return this;
  }

  public Json num(String name, long value) {
    key(name);
    sb.append(value);
    needComma = true;
    return this;
  }

  /** A decimal with exactly {@code scale} (0..6) fraction digits, as prices and ratings are sent. */
  public Json dec(String name, double value, int scale) {
    key(name);
    if (value < 0) {
      sb.append('-');
    }
    long units = Math.round(Math.abs(value) * POWERS[scale]);
    String fraction = Long.toString(units % POWERS[scale]);
    sb.append(units / POWERS[scale]).append('.');
    for (int i = fraction.length(); i < scale; i++) {
      sb.append('0');
    }
    sb.append(fraction);
    needComma = true;
    return this;
  }

  public Json bool(String name, boolean value) {
    key(name);
    sb.append(value);
    needComma = true;
    return this;
  }

  public Json nul(String name) {
    key(name);
    sb.append("null");
    needComma = true;
    return this;
  }

  /** Characters written so far. */
  public int length() {
    return sb.length();
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  private void key(String name) {
    comma();
    quote(name);
    sb.append(':');
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  private void quote(String s) {
    sb.append('"');
    if (s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
      sb.append(s).append('"');
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }
}
