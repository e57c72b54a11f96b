package dev.replaytwin.core.scrub.internal;

import java.util.Locale;

/**
 * A name or a glob with {@code *} standing for any run of characters ({@code *-token},
 * {@code *api-key*}), matched ignoring case. Names of headers, parameters, fields and cookies all
 * compare this way, so a policy cannot miss {@code Email} by writing {@code email}.
 */
public final class NamePattern {
  private final String text;
  private final String[] parts;
  private final boolean glob;

  public NamePattern(String text) {
    this.text = text.toLowerCase(Locale.ROOT);
    this.glob = text.indexOf('*') >= 0;
    this.parts = this.text.split("\\*", -1);
  }

  /** The pattern as given, lower-cased. */
  public String text() {
    return text;
  }

  public boolean isGlob() {
    return glob;
  }

  public boolean matches(String name) {
    if (!glob) {
      return name.equalsIgnoreCase(text);
    }
    String first = parts[0];
    String last = parts[parts.length - 1];
    if (name.length() < first.length() + last.length() || !name.regionMatches(true, 0, first, 0, first.length())
        || !name.regionMatches(true, name.length() - last.length(), last, 0, last.length())) {
      return false;
    }
    int at = first.length();
    int limit = name.length() - last.length();
    for (int p = 1; p < parts.length - 1; p++) {
      at = indexOfIgnoreCase(name, parts[p], at, limit);
      if (at < 0) {
        return false;
      }
      at += parts[p].length();
    }
    return true;
  }

  /** The longest part without {@code *}: text any matching name must contain. */
  public String longestLiteral() {
    String longest = "";
    for (String part : parts) {
      if (part.length() > longest.length()) {
        longest = part;
      }
    }
    return longest;
  }

  private static int indexOfIgnoreCase(String s, String part, int from, int limit) {
    for (int i = from; i + part.length() <= limit; i++) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamePattern other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
