package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.run.TraceIds;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.internal.client.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a captured request into the request a target is sent: the {@code --drop-header} and
 * {@code --set-header} edits, the session's correlated values in place of the captured ones, and
 * (unless {@code --no-trace}) the replayer's own {@code traceparent} for this exchange and pass, so
 * the twin's outbound calls can be attributed to it.
 * The client adds the target's path prefix, sets {@code Host} and {@code Content-Length}, and
 * removes hop-by-hop fields itself.
 */
public final class RequestBuilder {
  private final Set<String> drop;
  private final Map<String, String> set;
  private final boolean trace;

  public RequestBuilder(ReplayOptions options) {
    this.drop = options.dropHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.set = options.setHeaders();
    this.trace = options.trace() && !isSet(TraceIds.HEADER) && !drop.contains(TraceIds.HEADER);
  }

  /**
   * @param substitutions captured value → this target's live value, applied to the request
   *     target, header values and body
   */
  public OutgoingRequest build(Planned planned, Map<String, String> substitutions) {
    HttpRequest captured = planned.exchange().request();
    String target = captured.originForm();
    List<Header> headers = new ArrayList<>(captured.headers().size() + set.size() + 1);
    for (Header h : captured.headers().entries()) {
      String lower = h.name().toLowerCase(Locale.ROOT);
      if (!lower.equals("host") && !drop.contains(lower) && !isSet(h.name())
          && !(trace && lower.equals(TraceIds.HEADER))) {
        headers.add(substitutions.isEmpty() ? h : new Header(h.name(), substitute(h.value(), substitutions)));
      }
    }
    set.forEach((name, value) -> headers.add(new Header(name, value)));
    if (trace) {
      headers.add(new Header(TraceIds.HEADER, TraceIds.traceparent(planned.exchange().id(), planned.pass())));
    }
    byte[] body = captured.body().toByteArray();
    if (!substitutions.isEmpty()) {
      target = substitute(target, substitutions);
      body = substitute(body, substitutions);
    }
    return new OutgoingRequest(captured.method(), target, new Headers(headers), body);
  }

  private boolean isSet(String name) {
    if (set.isEmpty()) {
      return false;
    }
    for (String s : set.keySet()) {
      if (s.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  static String substitute(String text, Map<String, String> substitutions) {
    String out = text;
    for (Map.Entry<String, String> e : substitutions.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Byte-exact: ISO-8859-1 maps every byte to one char, so UTF-8 values are replaced as bytes. */
  static byte[] substitute(byte[] body, Map<String, String> substitutions) {
    if (body.length == 0) {
      return body;
    }
    String latin = new String(body, StandardCharsets.ISO_8859_1);
    String out = latin;
    for (Map.Entry<String, String> e : substitutions.entrySet()) {
      out = out.replace(bytesAsLatin(e.getKey()), bytesAsLatin(e.getValue()));
    }
    return out.equals(latin) ? body : out.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String bytesAsLatin(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
