package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Shard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which captured requests a replay sends: {@code --include}/{@code --exclude} globs, the
 * {@code --sample} share and the {@code --shard}. Sampling and sharding hash the session key (or,
 * without one, the exchange id), so a session is kept or dropped whole, and every replayer of a
 * sharded run agrees on who sends what.
 *
 * <p>A glob that starts with a method ({@code GET /users/*}) matches the method and path; one that
 * starts with {@code /} matches the path alone. {@code *} matches within a path segment,
 * {@code **} across segments, {@code ?} one character.
 */
public final class RequestFilter {
  private static final long SAMPLE_SEED = 0x5DEECE66DL;
  private final List<Pattern> include;
  private final List<Pattern> exclude;
  private final double sample;
  private final Shard shard;

  public RequestFilter(ReplayOptions options) {
    this.include = options.include().stream().map(RequestFilter::compile).toList();
    this.exclude = options.exclude().stream().map(RequestFilter::compile).toList();
    this.sample = options.sample();
    this.shard = options.shard();
  }

  /** Whether a request with this method, path (no query) and key is replayed. */
  public boolean accepts(String method, String path, String exchangeId, @Nullable String sessionKey) {
    String subject = method + " " + path;
    if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(subject).matches())) {
      return false;
    }
    if (exclude.stream().anyMatch(p -> p.matcher(subject).matches())) {
      return false;
    }
    String key = sessionKey != null ? "s:" + sessionKey : "x:" + exchangeId;
    long hash = fnv1a(key, 0);
    if (sample < 1 && (fnv1a(key, SAMPLE_SEED) >>> 11) * 0x1.0p-53 >= sample) {
      return false;
    }
    return shard.owns(hash);
  }

  /**
   * Turns a glob into a pattern over {@code METHOD path}.
   *
   * @throws IllegalArgumentException for a glob that is neither form
   */
  static Pattern compile(String glob) {
    String g = glob.trim();
    String methodPart = "[A-Z]+ ";
    int space = g.indexOf(' ');
    if (space > 0 && g.substring(0, space).matches("[A-Za-z]+")) {
      methodPart = Pattern.quote(g.substring(0, space).toUpperCase(java.util.Locale.ROOT) + " ");
      g = g.substring(space + 1).trim();
    }
    if (!g.startsWith("/") && !g.startsWith("*")) {
      throw new IllegalArgumentException("glob: \"" + glob + "\" (expected: a path glob such as /api/** or"
          + " GET /users/*)");
    }
    StringBuilder re = new StringBuilder(methodPart);
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** 64-bit FNV-1a over the key's UTF-8 bytes, mixed with a seed; stable across JVMs and machines. */
  static long fnv1a(String key, long seed) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    // A final avalanche (from SplitMix64), so modulo small N uses every bit.
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
