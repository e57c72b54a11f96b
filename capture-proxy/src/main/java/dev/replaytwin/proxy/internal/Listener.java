package dev.replaytwin.proxy.internal;

import dev.replaytwin.core.Nullable;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One listening socket and how it routes: ingress sends everything to production and records
 * INBOUND exchanges; egress picks a named dependency per request and records OUTBOUND ones.
 */
public final class Listener {
  /** Where one request goes: the pool of its route and the target sent upstream. */
  record Resolved(UpstreamPool pool, String target, String dependency, boolean rewriteHost) {}

  private final String name;
  private final Function<HttpRequest, Resolved> router;

  private Listener(String name, Function<HttpRequest, Resolved> router) {
    this.name = name;
    this.router = router;
  }

  String name() {
    return name;
  }

  @Nullable Resolved resolve(HttpRequest request) {
    return router.apply(request);
  }

  static Listener ingress(UpstreamPool upstream) {
    return new Listener("ingress",
        r -> new Resolved(upstream, upstream.route().basePath() + originForm(r.uri()), "", false));
  }

  /**
   * Egress: the dependency is named by the request's Host (e.g. {@code http://payments/...} via
   * {@code HTTP_PROXY}, or a Host header) or else by the first path segment, which is then removed
   * ({@code /payments/v1/charge} goes to {@code payments} as {@code /v1/charge}).
   */
  static Listener egress(List<UpstreamPool> routes) {
    Map<String, UpstreamPool> byName = routes.stream()
        .collect(Collectors.toMap(p -> p.route().name(), p -> p));
    return new Listener("egress", r -> {
      String uri = r.uri();
      String host = hostName(r.headers().get(HttpHeaderNames.HOST));
      if (isAbsolute(uri)) {
        host = hostName(uri.substring(uri.indexOf("//") + 2, authorityEnd(uri)));
        uri = originForm(uri);
      }
      UpstreamPool byHost = host == null ? null : byName.get(host);
      if (byHost != null) {
        return new Resolved(byHost, byHost.route().basePath() + uri, byHost.route().name(), true);
      }
      int end = uri.indexOf('/', 1);
      int query = uri.indexOf('?');
      if (end < 0 || (query >= 0 && query < end)) {
        end = query < 0 ? uri.length() : query;
      }
      UpstreamPool byPath = uri.length() > 1 ? byName.get(uri.substring(1, end)) : null;
      if (byPath == null) {
        return null;
      }
      String rest = uri.substring(end);
      if (!rest.startsWith("/")) {
        rest = "/" + rest;
      }
      return new Resolved(byPath, byPath.route().basePath() + rest, byPath.route().name(), true);
    });
  }

  private static boolean isAbsolute(String uri) {
    return uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8);
  }

  /** Where the authority of an absolute-form target ends. */
  private static int authorityEnd(String uri) {
    int i = uri.indexOf("//") + 2;
    while (i < uri.length() && "/?#".indexOf(uri.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** Path and query of an absolute-form target ({@code http://h/p?q} is {@code /p?q}); others as they are. */
  private static String originForm(String uri) {
    if (!isAbsolute(uri)) {
      return uri;
    }
    String rest = uri.substring(authorityEnd(uri));
    return rest.startsWith("/") ? rest : "/" + rest;
  }

  private static String hostName(String hostHeader) {
    if (hostHeader == null) {
      return null;
    }
    int colon = hostHeader.lastIndexOf(':');
    return colon > 0 && hostHeader.indexOf(']') < colon ? hostHeader.substring(0, colon) : hostHeader;
  }
}
