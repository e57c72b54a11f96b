package dev.replaytwin.junit.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.capture.CaptureReader;
import dev.replaytwin.core.capture.ReadOptions;
import dev.replaytwin.core.run.TraceIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The responses a capture recorded for its inbound requests, keyed by the trace id the replayer
 * sends with each replayed request ({@link TraceIds}, first pass). They are held in memory: a
 * regression test replays an incident's few minutes, not a day, and {@link #MAX_BODY_BYTES} says so
 * before memory does.
 */
public final class RecordedResponses {
  /** More recorded body bytes than this and the capture is refused: cut an excerpt of the incident. */
  public static final long MAX_BODY_BYTES = 256L << 20;

  /**
   * One recorded answer.
   *
   * @param response the captured response, or null when production sent none (a timeout, a reset)
   */
  public record Recorded(String exchangeId, @Nullable HttpResponse response) {
    public Recorded {
      requireNonNull(exchangeId, "exchangeId");
    }
  }

  private final Map<String, Recorded> byTraceId;
  private final int truncated;

  private RecordedResponses(Map<String, Recorded> byTraceId, int truncated) {
    this.byTraceId = byTraceId;
    this.truncated = truncated;
  }

  /**
   * Reads the inbound exchanges captured between {@code fromNanos} and {@code toNanos} (epoch nanos).
   *
   * @throws IllegalArgumentException when the responses are too large to hold
   */
  public static RecordedResponses read(Path capture, long fromNanos, long toNanos) throws IOException {
    Map<String, Recorded> byTraceId = new HashMap<>();
    long bytes = 0;
    int truncated = 0;
    try (CaptureReader reader = CaptureReader.open(capture, ReadOptions.defaults().between(fromNanos, toNanos))) {
      for (Exchange e; (e = reader.next()) != null; ) {
        if (e.direction() != Direction.INBOUND) {
          continue;
        }
        HttpResponse r = e.response();
        if (r != null) {
          bytes += r.body().length();
          truncated += r.body().isTruncated() ? 1 : 0;
          if (bytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException(capture + ": the recorded responses hold more than "
                + (MAX_BODY_BYTES >> 20) + " MiB of bodies (expected: an excerpt of the incident; narrow it with"
                + " from/to or include, or replay against a baseline target instead)");
          }
        }
        byTraceId.put(TraceIds.traceId(e.id(), 0), new Recorded(e.id(), r));
      }
    }
    return new RecordedResponses(Map.copyOf(byTraceId), truncated);
  }

  /** The answer recorded for the request carrying this trace id, or null when the capture has none. */
  public @Nullable Recorded forTraceId(String traceId) {
    return byTraceId.get(traceId);
  }

  /** Inbound exchanges read. */
  public int size() {
    return byTraceId.size();
  }

  /**
   * Recorded responses whose body the capture cut short: served as captured, they differ from any
   * whole answer, so a test should ignore {@code body} for them or capture with a larger body cap.
   */
  public int truncated() {
    return truncated;
  }

  /** The header fields of a recorded response worth sending again: framing is the server's own. */
  static boolean replayable(Header h) {
    String n = h.name().toLowerCase(java.util.Locale.ROOT);
    return !List.of("content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te",
        "trailer", "upgrade").contains(n);
  }
}
