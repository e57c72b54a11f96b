package dev.replaytwin.core.scrub.internal;

/**
 * Scrubs {@code Cookie} and {@code Set-Cookie} values cookie by cookie: names are kept, each value
 * goes to the first matching cookie rule, or to the detectors. {@code Set-Cookie} attributes
 * ({@code Path}, {@code Expires}, …) are kept.
 */
final class CookieScrubber {
  private final ValueScrubber values;

  CookieScrubber(ValueScrubber values) {
    this.values = values;
  }

  /** A {@code Cookie} value, {@code null} when every cookie was dropped; the same instance when unchanged. */
  String cookie(String header, Firing firing) {
    DelimitedText cookies = new DelimitedText(header, ';');
    for (int i = 0; i < cookies.size(); i++) {
      cookies.replace(i, pair(cookies.part(i), firing));
    }
    String result = cookies.result();
    if (result == header) {
      return header;
    }
    result = result.strip();
    return result.isEmpty() ? null : result;
  }

  /** A {@code Set-Cookie} value, {@code null} when its cookie was dropped; the same instance when unchanged. */
  String setCookie(String header, Firing firing) {
    int semicolon = header.indexOf(';');
    String cookie = semicolon < 0 ? header : header.substring(0, semicolon);
    String scrubbed = pair(cookie, firing);
    if (scrubbed == cookie) {
      return header;
    }
    return scrubbed == null ? null : scrubbed + (semicolon < 0 ? "" : header.substring(semicolon));
  }

  /** One {@code name=value}, with its surrounding spaces; {@code null} when dropped. */
  private String pair(String pair, Firing firing) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      return pair;
    }
    String name = pair.substring(0, eq).strip();
    String raw = pair.substring(eq + 1).strip();
    boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
    String value = quoted ? raw.substring(1, raw.length() - 1) : raw;
    NameRule rule = values.rules().cookies().match(name);
    String scrubbed;
    if (rule != null) {
      String decoded = PercentCodec.decode(value, false);
      String result = values.apply(rule.action(), rule.ruleName(), decoded, firing);
      if (result == null) {
        return null;
      }
      scrubbed = result.equals(decoded) ? value : PercentCodec.encode(result, PercentCodec.Component.COOKIE);
    } else {
      scrubbed = values.detectEncoded(value, PercentCodec.Component.COOKIE, firing);
    }
    if (scrubbed == value) {
      return pair;
    }
    String lead = pair.substring(0, pair.indexOf(name.isEmpty() ? "=" : name));
    return lead + name + "=" + (quoted ? "\"" + scrubbed + "\"" : scrubbed);
  }
}
