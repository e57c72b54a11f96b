package dev.replaytwin.core.endpoint;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.endpoint.internal.MethodToken;
import dev.replaytwin.core.endpoint.internal.RequestTarget;
import dev.replaytwin.core.endpoint.internal.RoutePattern;
import dev.replaytwin.core.endpoint.internal.SegmentKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Names the endpoint of an HTTP request, so traffic to {@code /users/1} and {@code /users/2} is
 * grouped as one endpoint, {@code GET /users/{id}}.
 *
 * <pre>{@code
 * EndpointNamer namer = EndpointNamer.builder()
 *     .route("GET /users/{userId}/orders/{orderId}")
 *     .route("/static/**")
 *     .build();
 * namer.name("GET", "/users/7/orders/42?expand=items"); // "GET /users/{userId}/orders/{orderId}"
 * namer.name("head", "/static/css/site.css");           // "HEAD /static/**"
 * namer.name("GET", "/carts/123/items/");               // "GET /carts/{id}/items"
 * }</pre>
 *
 * <p>A name is the upper-cased method (ASCII letters only), a space, and the normalized path:
 * <ol>
 *   <li>The query ({@code ?...}) and fragment ({@code #...}) are dropped.
 *   <li>An absolute-form target ({@code http://host:port/path}) contributes only its path.
 *   <li>An empty path becomes {@code /}. One trailing {@code /} is dropped, except from the root,
 *       so {@code /a/} and {@code /a} are one endpoint; {@code /a//} becomes {@code /a/}.
 *   <li>A target that does not start with {@code /}, such as {@code *} in {@code OPTIONS *} or the
 *       authority of a {@code CONNECT}, is kept as written.
 *   <li>The first route, in the order given to the builder, that matches the path names the
 *       endpoint with its own text, preceded by the request's method if the route has none.
 *   <li>Otherwise each segment, judged as written (percent-encoding is not decoded), is kept or
 *       collapsed:
 *     <ul>
 *       <li>{@code {id}}: only digits, e.g. {@code 123}.
 *       <li>{@code {num}}: a signed integer or a decimal, e.g. {@code -12}, {@code 3.14}.
 *       <li>{@code {uuid}}: 8-4-4-4-12 hex digits in either case.
 *       <li>{@code {hex}}: at least 16 hex characters including a digit, e.g. a SHA-1.
 *       <li>{@code {token}}: at least 20 characters of {@code [A-Za-z0-9_-]} with up to two
 *           trailing {@code =}, including both a letter and a digit; or, without a digit, letters
 *           mixed as random text mixes them (a fifth each of upper and lower case, capitals side
 *           by side three times or more), e.g. {@code ch_bGjBMzkusxkJZMfJNjjmpqTv}.
 *       <li>{@code {date}}: {@code dddd-dd-dd}.
 *       <li>{@code {code}}: at least 6 characters of {@code [A-Za-z0-9._-]} with a letter and at
 *           least 4 digits, e.g. a SKU {@code ALD-BLE-90766}.
 *     </ul>
 *     Anything else, such as {@code orders}, {@code v2}, {@code 2fa}, {@code sha256} or
 *     {@code 1.2.3}, is kept.
 * </ol>
 *
 * <p>Route patterns are {@code [METHOD ]/path}. Path segments are literals compared as written
 * (case-sensitive), {@code {name}} variables matching exactly one non-empty segment, and an
 * optional trailing {@code /**} matching zero or more remaining segments. The method, if given, is
 * compared case-insensitively.
 *
 * <p>Naming is deterministic and allocates little beyond the result: no regular expressions, no
 * caches. Instances are immutable and thread-safe; {@link #defaults()} is shared.
 */
public final class EndpointNamer {

  private static final EndpointNamer DEFAULTS = new EndpointNamer(new RoutePattern[0]);
  private static final String ROOT = "/";
  /** Room for placeholders longer than the segments they replace, such as {@code {id}} for 7. */
  private static final int PLACEHOLDER_SLACK = 16;

  private final RoutePattern[] routes;

  private EndpointNamer(RoutePattern[] routes) {
    this.routes = routes;
  }

  /** Returns the shared namer with no routes: default segment collapsing only. */
  public static EndpointNamer defaults() {
    return DEFAULTS;
  }

  /** Returns a builder for a namer with routes. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the endpoint name of a request.
   *
   * @param method the request method, in any case
   * @param target the request-target as sent: origin-form, absolute-form, authority-form or
   *     {@code *}
   * @throws IllegalArgumentException if {@code method} is empty
   */
  public String name(String method, String target) {
    requireNonNull(method, "method");
    requireNonNull(target, "target");
    if (method.isEmpty()) {
      throw new IllegalArgumentException("method: \"\" (expected: an HTTP method such as GET)");
    }
    String upperMethod = MethodToken.upperCase(method);
    String path = target;
    int from = RequestTarget.pathStart(target);
    int to = RequestTarget.pathEnd(target, from);
    if (from == to) {
      path = ROOT;
      from = 0;
      to = 1;
    }
    if (path.charAt(from) != '/') {
      return join(upperMethod, path, from, to);
    }
    if (to - from > 1 && path.charAt(to - 1) == '/') {
      to--;
    }
    for (RoutePattern route : routes) {
      if (route.matches(upperMethod, path, from, to)) {
        return route.name(upperMethod);
      }
    }
    return collapse(upperMethod, path, from, to);
  }

  /** Returns the routes in matching order, methods upper-cased. */
  @Override
  public String toString() {
    return "EndpointNamer" + Arrays.toString(routes);
  }

  private static String join(String upperMethod, String path, int from, int to) {
    if (from == 0 && to == path.length()) {
      return upperMethod + ' ' + path;
    }
    return new StringBuilder(upperMethod.length() + 1 + to - from)
        .append(upperMethod).append(' ').append(path, from, to)
        .toString();
  }

  /**
   * Replaces collapsible segments with placeholders. The builder is created at the first such
   * segment, so a path that keeps every segment costs only the result.
   */
  private static String collapse(String upperMethod, String path, int from, int to) {
    StringBuilder name = null;
    int pos = from + 1;
    while (pos < to) {
      int end = RequestTarget.segmentEnd(path, pos, to);
      SegmentKind kind = SegmentKind.of(path, pos, end);
      if (kind != SegmentKind.LITERAL) {
        if (name == null) {
          name = new StringBuilder(upperMethod.length() + 1 + to - from + PLACEHOLDER_SLACK)
              .append(upperMethod).append(' ').append(path, from, pos);
        }
        name.append(kind.placeholder());
      } else if (name != null) {
        name.append(path, pos, end);
      }
      if (end < to && name != null) {
        name.append('/');
      }
      pos = end + 1;
    }
    return name == null ? join(upperMethod, path, from, to) : name.toString();
  }

  /**
   * Collects route patterns for {@link EndpointNamer}. Not thread-safe; build once, then share
   * the namer.
   */
  public static final class Builder {

    private final List<RoutePattern> routes = new ArrayList<>();

    private Builder() {
    }

    /**
     * Adds a route pattern, tried after those added before it.
     *
     * @param pattern {@code [METHOD ]/path}, e.g. {@code GET /users/{userId}} or
     *     {@code /static/**}; surrounding whitespace is ignored
     * @throws IllegalArgumentException if the pattern is malformed, with a one-line message
     *     such as {@code route: "GET users/{id}" (expected: a path starting with /)}
     */
    public Builder route(String pattern) {
      routes.add(RoutePattern.parse(pattern));
      return this;
    }

    /** Returns a namer with the routes added so far. */
    public EndpointNamer build() {
      return routes.isEmpty() ? DEFAULTS : new EndpointNamer(routes.toArray(new RoutePattern[0]));
    }
  }
}
