package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The W3C {@code traceparent} the replayer sends with each replayed request, derived from the
 * exchange id and loop alone, so a dependency simulator that sees it on an outbound call (a service
 * with tracing propagates it) knows which replayed request made the call without any shared state.
 *
 * <pre>{@code
 * traceparent: 00-<32 hex: first 16 bytes of sha256("twin/<id>/<loop>")>-<16 hex: next 8 bytes>-01
 * }</pre>
 */
public final class TraceIds {
  /** The header's name, lower case as HTTP/2 and most tracers write it. */
  public static final String HEADER = "traceparent";

  private static final HexFormat HEX = HexFormat.of();

  private TraceIds() {}

  /** The {@code traceparent} value for one replayed request. */
  public static String traceparent(String exchangeId, int loop) {
    byte[] hash = hash(exchangeId, loop);
    return "00-" + HEX.formatHex(hash, 0, 16) + "-" + HEX.formatHex(hash, 16, 24) + "-01";
  }

  /** The 32-hex trace id {@link #traceparent} puts in the header. */
  public static String traceId(String exchangeId, int loop) {
    return HEX.formatHex(hash(exchangeId, loop), 0, 16);
  }

  /** The trace id of a {@code traceparent} value (any version, any parent), or empty when malformed. */
  public static Optional<String> traceIdOf(String traceparent) {
    if (traceparent == null) {
      return Optional.empty();
    }
    String[] parts = traceparent.trim().split("-");
    if (parts.length < 4 || parts[1].length() != 32 || !isHex(parts[1])) {
      return Optional.empty();
    }
    return Optional.of(parts[1].toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hash(String exchangeId, int loop) {
    requireNonNull(exchangeId, "exchangeId");
    if (loop < 0) {
      throw new IllegalArgumentException("loop: " + loop + " (expected: >= 0)");
    }
    return Sha256.newDigest().digest(("twin/" + exchangeId + "/" + loop).getBytes(StandardCharsets.UTF_8));
  }
}
