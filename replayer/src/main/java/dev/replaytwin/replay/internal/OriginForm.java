package dev.replaytwin.replay.internal;

/** Request targets as captured ({@code /a?b}, or absolute form {@code http://host/a?b}) reduced to what a twin is sent. */
final class OriginForm {
  private OriginForm() {}

  /** {@code /path?query}: the absolute form loses its scheme and authority; {@code *} stays. */
  static String of(String target) {
    if (target.startsWith("/") || target.equals("*")) {
      return target;
    }
    int scheme = target.indexOf("://");
    if (scheme > 0) {
      int slash = target.indexOf('/', scheme + 3);
      int query = target.indexOf('?', scheme + 3);
      if (slash < 0 || (query >= 0 && query < slash)) {
        return "/" + (query >= 0 ? target.substring(query) : "");
      }
      return target.substring(slash);
    }
    return "/" + target;
  }

  /** The path alone, without the query. */
  static String path(String originForm) {
    int q = originForm.indexOf('?');
    return q < 0 ? originForm : originForm.substring(0, q);
  }
}
