package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrubs headers. A header named by a header rule gets that rule's action on its whole value;
 * otherwise {@code Cookie} and {@code Set-Cookie} are scrubbed cookie by cookie, headers holding a
 * URL ({@code Referer}, {@code Location}, …) like a request target, and the rest by the detectors.
 * Names, order and repetition are kept.
 */
final class HeaderScrubber {
  private static final List<String> URL_HEADERS = List.of("referer", "location", "content-location", "origin",
      "x-original-url", "x-rewrite-url");

  private final ValueScrubber values;
  private final CookieScrubber cookies;
  private final TargetScrubber urls;

  HeaderScrubber(ValueScrubber values, CookieScrubber cookies, TargetScrubber urls) {
    this.values = values;
    this.cookies = cookies;
    this.urls = urls;
  }

  /** The scrubbed headers; the same instance when nothing changed. */
  Headers scrub(Headers headers, Firing firing) {
    List<Header> entries = headers.entries();
    List<Header> out = null;
    for (int i = 0; i < entries.size(); i++) {
      Header h = entries.get(i);
      String value = value(h, firing);
      if (value != h.value() && out == null) {
        out = new ArrayList<>(entries.subList(0, i));
      }
      if (out != null && value != null) {
        out.add(value == h.value() ? h : new Header(h.name(), value));
      }
    }
    return out == null ? headers : new Headers(out);
  }

  /** The header's new value, {@code null} to drop it; the same instance when unchanged. */
  private String value(Header h, Firing firing) {
    String name = h.name();
    NameRule rule = values.rules().headers().match(name);
    if (rule != null) {
      String result = values.apply(rule.action(), rule.ruleName(), h.value(), firing);
      return result == null || !result.equals(h.value()) ? result : h.value();
    }
    if (name.equalsIgnoreCase("cookie")) {
      return cookies.cookie(h.value(), firing);
    }
    if (name.equalsIgnoreCase("set-cookie")) {
      return cookies.setCookie(h.value(), firing);
    }
    String value = h.value();
    if (isUrl(name, value)) {
      return urls.scrub(value, firing);
    }
    return values.detect(value, firing);
  }

  static boolean isUrl(String name, String value) {
    char first = value.isEmpty() ? ' ' : value.charAt(0);
    if ((first == 'h' || first == 'H')
        && (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8))) {
      return true;
    }
    for (String urlHeader : URL_HEADERS) {
      if (urlHeader.length() == name.length() && urlHeader.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
