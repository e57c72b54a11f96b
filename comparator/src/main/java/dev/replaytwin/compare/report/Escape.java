package dev.replaytwin.compare.report;

/**
 * Escaping for each output format. Every value that comes from a run (endpoint names, field paths,
 * response values, explanations) goes through one of these before it reaches a report.
 */
final class Escape {
  private static final char REPLACEMENT = '\uFFFD';

  private Escape() {}

  /** Text for HTML element content or a double-quoted attribute; also safe inside inline SVG. */
  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    forEachXmlChar(s, (cp, b) -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.appendCodePoint(cp);
      }
    }, out);
    return out.toString();
  }

  /**
   * Text for XML 1.0 element content or a double-quoted attribute. Characters XML 1.0 forbids (most
   * C0 controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD; tab, newline and carriage return are
   * written as character references so attributes keep them.
   */
  static String xml(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    forEachXmlChar(s, (cp, b) -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\t' -> b.append("&#9;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        default -> b.appendCodePoint(cp);
      }
    }, out);
    return out.toString();
  }

  /**
   * Text for a Markdown paragraph, list item or table cell (GitHub-flavoured): Markdown's
   * punctuation is backslash-escaped, so {@code |} cannot end a cell, a backtick cannot open code and
   * {@code <} cannot open HTML, {@code $} cannot open GitHub's math; line breaks become spaces so a value stays on its line.
   */
  static String markdown(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    forEachXmlChar(s, (cp, b) -> {
      switch (cp) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '$' -> b.append('\\').appendCodePoint(cp);
        case '&' -> b.append("&amp;");
        case '\t', '\n', '\r' -> b.append(' ');
        default -> b.appendCodePoint(cp);
      }
    }, out);
    return out.toString();
  }

  private interface CodePointSink {
    void accept(int codePoint, StringBuilder out);
  }

  /** Feeds each code point XML 1.0 allows to {@code sink}, and U+FFFD for each it does not. */
  private static void forEachXmlChar(String s, CodePointSink sink, StringBuilder out) {
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      int cp;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint(c, s.charAt(i + 1));
        i += 2;
      } else {
        cp = Character.isSurrogate(c) ? REPLACEMENT : c;
        i++;
      }
      sink.accept(allowedInXml(cp) ? cp : REPLACEMENT, out);
    }
  }

  private static boolean allowedInXml(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
