package dev.replaytwin.replay.internal;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
import dev.replaytwin.replay.ReplayOptions;
import dev.replaytwin.replay.Target;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses to replay against production by accident. The capture names production twice: the
 * {@code upstream} context tag the capture proxy records, and the {@code Host} its clients sent. A
 * target whose host and port match either is refused unless the run says
 * {@code --i-know-this-is-production}.
 */
public final class ProductionGuard {
  /** Requests whose Host headers are read; production's names are the same on every request. */
  static final int SAMPLE = 1000;
  public static final String UPSTREAM_TAG = "upstream";

  private ProductionGuard() {}

  /**
   * @throws IllegalArgumentException naming the target and what to do
   */
  public static void check(ReplayOptions options) throws IOException {
    if (options.allowProduction()) {
      return;
    }
    Set<String> production = productionAuthorities(options);
    for (Target t : options.targets()) {
      String host = t.url().getHost().toLowerCase(Locale.ROOT);
      if (production.contains(t.authority()) || production.contains(host + ":*")) {
        throw new IllegalArgumentException("target " + t.name() + ": " + t.authority()
            + " is the production host this capture was recorded from (expected: a twin; pass"
            + " --i-know-this-is-production to replay against it anyway)");
      }
    }
  }

  /** {@code host:port}, or {@code host:*} for a Host header without a port (80 or 443 alike). */
  static Set<String> productionAuthorities(ReplayOptions options) throws IOException {
    Set<String> found = new TreeSet<>();
    try (CaptureReader reader = CaptureReader.open(options.capture(),
        ReadOptions.defaults().skippingCorrupt(true))) {
      String upstream = reader.header().context().extra().get(UPSTREAM_TAG);
      if (upstream != null) {
        found.add(normalise(upstream));
      }
      Exchange e;
      for (int n = 0; n < SAMPLE && (e = reader.next()) != null; ) {
        if (e.direction() == Direction.INBOUND) {
          n++;
          e.request().headers().first("Host").ifPresent(h -> found.add(normalise(h)));
          String tag = e.context().extra().get(UPSTREAM_TAG);
          if (tag != null) {
            found.add(normalise(tag));
          }
        }
      }
    }
    return found;
  }

  /** {@code http://Shop:8080/x} → {@code shop:8080}; {@code shop} → {@code shop:*}. */
  static String normalise(String hostOrUrl) {
    String s = hostOrUrl.trim().toLowerCase(Locale.ROOT);
    String defaultPort = "*";
    int scheme = s.indexOf("://");
    if (scheme > 0) {
      defaultPort = s.startsWith("https") ? "443" : "80";
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int colon = s.lastIndexOf(':');
    boolean hasPort = colon > s.lastIndexOf(']') && colon >= 0;
    return hasPort ? s : s + ":" + defaultPort;
  }
}
