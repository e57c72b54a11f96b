package dev.replaytwin.deploy.stubs.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which calls a fault applies to: {@code ""} all; else {@code [METHOD ]PATH}, PATH being a route
 * template compared with the call's endpoint name ({@code /v1/charges/{id}}), or a glob on the
 * call's path ({@code *} one segment's characters, {@code **} anything).
 */
final class EndpointPattern {
  private final String method;
  private final String path;
  private final Pattern glob;

  private EndpointPattern(String method, String path, Pattern glob) {
    this.method = method;
    this.path = path;
    this.glob = glob;
  }

  static EndpointPattern parse(String spec) {
    String s = spec.trim();
    if (s.isEmpty()) {
      return new EndpointPattern("", "", null);
    }
    String method = "";
    int space = s.indexOf(' ');
    if (space > 0) {
      method = s.substring(0, space).toUpperCase(Locale.ROOT);
      s = s.substring(space + 1).trim();
    }
    if (!s.startsWith("/")) {
      throw new IllegalArgumentException("endpoint: \"" + spec
          + "\" (expected: [METHOD ]/path, a route template or a glob, e.g. POST /v1/charges/*)");
    }
    return new EndpointPattern(method, s, s.contains("*") ? glob(s) : null);
  }

  /** True when the call matches: {@code endpoint} is its name, {@code METHOD /template}. */
  boolean matches(String callMethod, String callPath, String endpoint) {
    if (path.isEmpty()) {
      return true;
    }
    if (!method.isEmpty() && !method.equalsIgnoreCase(callMethod)) {
      return false;
    }
    if (glob != null) {
      return glob.matcher(callPath).matches();
    }
    int space = endpoint.indexOf(' ');
    return path.equals(space < 0 ? endpoint : endpoint.substring(space + 1)) || path.equals(callPath);
  }

  private static Pattern glob(String s) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
