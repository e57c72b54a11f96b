package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.endpoint.internal.RequestTarget;

/**
 * Scrubs a request target or a URL, keeping its shape: the user name and password of an absolute
 * URL are redacted, each path segment is read by the detectors ({@code /users/alice@example.com}),
 * query parameters go through the query rules and the detectors, and a fragment through the
 * detectors.
 */
final class TargetScrubber {
  private final ValueScrubber values;
  private final UrlEncodedScrubber query;

  TargetScrubber(ValueScrubber values, UrlEncodedScrubber query) {
    this.values = values;
    this.query = query;
  }

  /** The scrubbed target; the same instance when nothing changed. */
  String scrub(String target, Firing firing) {
    int pathStart = RequestTarget.pathStart(target);
    int pathEnd = RequestTarget.pathEnd(target, pathStart);
    String authority = userinfo(target.substring(0, pathStart), firing);
    String path = path(target.substring(pathStart, pathEnd), firing);
    String rest = target.substring(pathEnd);
    String scrubbedRest = rest;
    if (rest.startsWith("?")) {
      int hash = rest.indexOf('#');
      String queryText = hash < 0 ? rest.substring(1) : rest.substring(1, hash);
      String fragment = hash < 0 ? "" : rest.substring(hash);
      String scrubbedQuery = query.scrub(queryText, values.rules().query(), firing);
      String scrubbedFragment = values.detectEncoded(fragment, PercentCodec.Component.PATH_SEGMENT, firing);
      if (scrubbedQuery != queryText || scrubbedFragment != fragment) {
        scrubbedRest = "?" + scrubbedQuery + scrubbedFragment;
      }
    } else if (rest.startsWith("#")) {
      scrubbedRest = values.detectEncoded(rest, PercentCodec.Component.PATH_SEGMENT, firing);
    }
    if (authority == null && path == null && scrubbedRest == rest) {
      return target;
    }
    return (authority != null ? authority : target.substring(0, pathStart))
        + (path != null ? path : target.substring(pathStart, pathEnd)) + scrubbedRest;
  }

  /** {@code scheme://host} with any {@code user:password@} redacted, or {@code null} when none. */
  private String userinfo(String schemeAndAuthority, Firing firing) {
    int slashes = schemeAndAuthority.indexOf("//");
    int at = schemeAndAuthority.lastIndexOf('@');
    if (slashes < 0 || at < slashes) {
      return null;
    }
    firing.fire(BodyRules.USERINFO);
    String marker = PercentCodec.encode(values.rules().redactMarker(), PercentCodec.Component.FORM);
    return schemeAndAuthority.substring(0, slashes + 2) + marker + schemeAndAuthority.substring(at);
  }

  /** The path with each segment scrubbed, or {@code null} when nothing changed. */
  private String path(String path, Firing firing) {
    if (path.length() < 6 || values.detectors().isEmpty()) {
      return null;
    }
    StringBuilder out = null;
    int start = 0;
    while (start <= path.length()) {
      int end = RequestTarget.segmentEnd(path, start, path.length());
      String segment = path.substring(start, end);
      String scrubbed = values.detectEncoded(segment, PercentCodec.Component.PATH_SEGMENT, firing);
      if (scrubbed != segment && out == null) {
        out = new StringBuilder(path.length() + 16).append(path, 0, start);
      }
      if (out != null) {
        out.append(scrubbed);
        if (end < path.length()) {
          out.append('/');
        }
      }
      start = end + 1;
    }
    return out == null ? null : out.toString();
  }
}
