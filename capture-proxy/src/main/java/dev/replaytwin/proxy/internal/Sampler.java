package dev.replaytwin.proxy.internal;

import dev.replaytwin.proxy.SamplingPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Decides, from the request head alone, whether an exchange is captured. */
public final class Sampler {
  private final SamplingPolicy policy;
  private final List<Pattern> include;
  private final List<Pattern> exclude;

  public Sampler(SamplingPolicy policy) {
    this.policy = policy;
    this.include = policy.include().stream().map(Sampler::globToPattern).toList();
    this.exclude = policy.exclude().stream().map(Sampler::globToPattern).toList();
  }

  public boolean keep(HttpRequest request) {
    if (!policy.methods().isEmpty() && !policy.methods().contains(request.method().name())) {
      return false;
    }
    if (!include.isEmpty() || !exclude.isEmpty()) {
      String path = path(request.uri());
      if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(path).matches())) {
        return false;
      }
      if (exclude.stream().anyMatch(p -> p.matcher(path).matches())) {
        return false;
      }
    }
    double fraction = policy.fraction();
    if (fraction >= 1) {
      return true;
    }
    if (fraction <= 0) {
      return false;
    }
    String key = policy.key() == null ? null : keyValue(policy.key(), request);
    double draw = key == null ? ThreadLocalRandom.current().nextDouble() : unitHash(key);
    return draw < fraction;
  }

  /** A stable value in [0, 1) for a key: the same user is always in or always out. */
  static double unitHash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }

  static Pattern globToPattern(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        re.append(doubleStar ? ".*" : "[^/]*");
        if (doubleStar) {
          i++;
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  private static String keyValue(SamplingPolicy.Key key, HttpRequest request) {
    return switch (key.source()) {
      case HEADER -> request.headers().get(key.name());
      case QUERY -> {
        List<String> values = new QueryStringDecoder(request.uri()).parameters().get(key.name());
        yield values == null || values.isEmpty() ? null : values.get(0);
      }
      case COOKIE -> {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
          for (Cookie c : ServerCookieDecoder.LAX.decodeAll(header)) {
            if (c.name().equals(key.name())) {
              yield c.value();
            }
          }
        }
        yield null;
      }
    };
  }
}
