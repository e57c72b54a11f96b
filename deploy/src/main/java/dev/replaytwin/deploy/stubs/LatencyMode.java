package dev.replaytwin.deploy.stubs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which latency model {@link StubGenerator} gives each endpoint. */
public enum LatencyMode {
  /** A log-normal when it fits the captured latencies, else their empirical distribution. */
  FIT,
  /** Always a log-normal. */
  LOGNORMAL,
  /** Always the empirical distribution (its quantiles). */
  EMPIRICAL,
  /** No delay: stubs answer at once. */
  NONE;

  /** The name as the command line and {@code stubs.json} write it: {@code fit}, {@code lognormal}… */
  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode named {@code text}, in any case.
   *
   * @throws IllegalArgumentException naming the modes there are
   */
  @JsonCreator
  public static LatencyMode of(String text) {
    for (LatencyMode m : values()) {
      if (m.text().equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("latency: \"" + text + "\" (expected: "
        + Arrays.stream(values()).map(LatencyMode::text).collect(Collectors.joining(", ")) + ")");
  }
}
