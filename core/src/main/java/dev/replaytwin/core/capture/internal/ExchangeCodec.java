package dev.replaytwin.core.capture.internal;

import dev.replaytwin.core.Body;
import dev.replaytwin.core.ContextTags;
import dev.replaytwin.core.Direction;
import dev.replaytwin.core.Exchange;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Headers;
import dev.replaytwin.core.HttpRequest;
import dev.replaytwin.core.HttpResponse;
import dev.replaytwin.core.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary record encoding of version 1 (see {@code docs/capture-format.md}, "Records").
 *
 * <p>A record is {@code varint type, varint length, body}. Readers skip record types they do not
 * know, and fields appended to a known body by later versions, using the length.
 */
public final class ExchangeCodec {
  public static final int RECORD_EXCHANGE = 1;

  private static final int TIMING_UPSTREAM_FIRST_BYTE = 1;
  private static final int TIMING_RESPONSE_END = 2;
  private static final int TIMING_REQUEST_START = 4;
  private static final int BODY_TRUNCATED = 1;

  private ExchangeCodec() {}

  /** Appends one exchange record to {@code out}. */
  public static void encode(Exchange e, ByteSink out) {
    out.writeVarInt(RECORD_EXCHANGE);
    // Length is patched in after the body is written; 4 fixed bytes keep that a single pass.
    int lengthAt = out.reserveInt();
    int start = out.size();
    out.writeString(e.id());
    out.writeSignedVarLong(e.captureTimeNanos());
    out.writeByte(e.direction() == Direction.INBOUND ? 0 : 1);
    out.writeString(e.dependency());
    out.writeString(e.connectionId());

    HttpRequest req = e.request();
    out.writeString(req.method());
    out.writeString(req.target());
    out.writeString(req.httpVersion());
    writeHeaders(req.headers(), out);
    writeBody(req.body(), out);

    HttpResponse res = e.response();
    if (res == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1);
      out.writeVarInt(res.status());
      writeHeaders(res.headers(), out);
      writeBody(res.body(), out);
    }

    writeTimings(e.timings(), e.captureTimeNanos(), out);
    writeContext(e.context(), out);
    out.writeVarInt(e.scrubRulesFired().size());
    for (String rule : e.scrubRulesFired()) {
      out.writeString(rule);
    }
    out.putIntAt(lengthAt, out.size() - start);
  }

  /**
   * Decodes records. Keeps the last context tags it decoded, so the run of records that share them
   * (nearly all, in a capture) are matched byte for byte instead of decoded again. One per reader.
   */
  public static final class Decoder {
    private byte[] lastContextBytes = new byte[0];
    private ContextTags lastContext = ContextTags.EMPTY;

    /**
     * Reads the next record; returns {@code null} for a record type this version does not know
     * (it has been skipped).
     */
    public Exchange decode(ByteSource in) {
      return ExchangeCodec.decode(in, this);
    }

    ContextTags readContext(ByteSource in) {
      // The encoding is self-delimiting, so equal leading bytes mean an equal context.
      if (lastContextBytes.length > 0 && in.skipIfNext(lastContextBytes)) {
        return lastContext;
      }
      int start = in.position();
      lastContext = ExchangeCodec.readContext(in);
      lastContextBytes = in.copyFrom(start);
      return lastContext;
    }
  }

  private static Exchange decode(ByteSource in, Decoder decoder) {
    int type = in.readVarInt();
    int length = (in.readByte() << 24) | (in.readByte() << 16) | (in.readByte() << 8) | in.readByte();
    if (length < 0) {
      throw new MalformedRecordException("negative record length");
    }
    int outer = in.pushLimit(in.position() + length);
    try {
      return type == RECORD_EXCHANGE ? decodeExchange(in, decoder) : null;
    } finally {
      in.popLimit(outer);
    }
  }

  private static Exchange decodeExchange(ByteSource in, Decoder decoder) {
    String id = in.readString();
    long captureTime = in.readSignedVarLong();
    int dir = in.readByte();
    if (dir > 1) {
      throw new MalformedRecordException("direction " + dir + " unknown");
    }
    String dependency = in.readString();
    String connectionId = in.readString();

    HttpRequest req =
        new HttpRequest(in.readString(), in.readString(), in.readString(), readHeaders(in), readBody(in));
    HttpResponse res = null;
    if (in.readByte() != 0) {
      res = new HttpResponse(in.readVarInt(), readHeaders(in), readBody(in));
    }
    Timings timings = readTimings(in, captureTime);
    ContextTags context = decoder.readContext(in);
    int rules = in.readVarInt();
    List<String> fired = new ArrayList<>(Math.min(rules, 64));
    for (int i = 0; i < rules; i++) {
      fired.add(in.readString());
    }
    try {
      return new Exchange(id, captureTime, dir == 0 ? Direction.INBOUND : Direction.OUTBOUND, dependency,
          connectionId, req, res, timings, context, fired);
    } catch (IllegalArgumentException invalid) {
      throw new MalformedRecordException("invalid exchange: " + invalid.getMessage());
    }
  }

  private static void writeHeaders(Headers headers, ByteSink out) {
    List<Header> entries = headers.entries();
    out.writeVarInt(entries.size());
    for (Header h : entries) {
      out.writeString(h.name());
      out.writeString(h.value());
    }
  }

  private static Headers readHeaders(ByteSource in) {
    int n = in.readVarInt();
    if (n == 0) {
      return Headers.EMPTY;
    }
    // Each header takes at least two bytes, so n cannot honestly exceed what remains.
    if (n > (in.limit() - in.position()) / 2) {
      throw new MalformedRecordException(n + " headers cannot fit in the record");
    }
    List<Header> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readString();
      if (name.isEmpty()) {
        throw new MalformedRecordException("empty header name");
      }
      list.add(new Header(name, in.readString()));
    }
    return new Headers(list);
  }

  private static void writeBody(Body body, ByteSink out) {
    if (body.isTruncated()) {
      out.writeVarInt(BODY_TRUNCATED);
      out.writeVarLong(body.originalLength());
    } else {
      out.writeVarInt(0);
    }
    out.writeVarInt(body.length());
    out.writeBuffer(body.asReadOnlyBuffer());
  }

  private static Body readBody(ByteSource in) {
    int flags = in.readVarInt();
    long original = (flags & BODY_TRUNCATED) != 0 ? in.readVarLong() : -1;
    byte[] bytes = in.readLengthPrefixed();
    if (original < 0) {
      return Body.wrap(bytes);
    }
    if (original <= bytes.length) {
      throw new MalformedRecordException("truncated body longer than its original length");
    }
    return Body.wrapTruncated(bytes, original);
  }

  private static void writeTimings(Timings t, long base, ByteSink out) {
    int present = (t.requestStartNanos() != Timings.NOT_RECORDED ? TIMING_REQUEST_START : 0)
        | (t.hasUpstreamFirstByte() ? TIMING_UPSTREAM_FIRST_BYTE : 0)
        | (t.hasResponseEnd() ? TIMING_RESPONSE_END : 0);
    out.writeByte(present);
    // Deltas from the capture time keep each timing to a few bytes instead of nine.
    if ((present & TIMING_REQUEST_START) != 0) {
      out.writeSignedVarLong(t.requestStartNanos() - base);
    }
    if ((present & TIMING_UPSTREAM_FIRST_BYTE) != 0) {
      out.writeSignedVarLong(t.upstreamFirstByteNanos() - base);
    }
    if ((present & TIMING_RESPONSE_END) != 0) {
      out.writeSignedVarLong(t.responseEndNanos() - base);
    }
  }

  private static Timings readTimings(ByteSource in, long base) {
    int present = in.readByte();
    long start = (present & TIMING_REQUEST_START) != 0 ? base + in.readSignedVarLong() : Timings.NOT_RECORDED;
    long first = (present & TIMING_UPSTREAM_FIRST_BYTE) != 0 ? base + in.readSignedVarLong() : Timings.NOT_RECORDED;
    long end = (present & TIMING_RESPONSE_END) != 0 ? base + in.readSignedVarLong() : Timings.NOT_RECORDED;
    try {
      return new Timings(start, first, end);
    } catch (IllegalArgumentException invalid) {
      throw new MalformedRecordException("invalid timings: " + invalid.getMessage());
    }
  }

  private static void writeContext(ContextTags c, ByteSink out) {
    out.writeString(c.service());
    out.writeString(c.environment());
    out.writeString(c.region());
    out.writeString(c.releaseVersion());
    out.writeVarInt(c.extra().size());
    for (Map.Entry<String, String> e : c.extra().entrySet()) {
      out.writeString(e.getKey());
      out.writeString(e.getValue());
    }
  }

  private static ContextTags readContext(ByteSource in) {
    String service = in.readString();
    String env = in.readString();
    String region = in.readString();
    String release = in.readString();
    int n = in.readVarInt();
    if (n == 0 && service.isEmpty() && env.isEmpty() && region.isEmpty() && release.isEmpty()) {
      return ContextTags.EMPTY;
    }
    Map<String, String> extra = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readString();
      if (key.isEmpty()) {
        throw new MalformedRecordException("empty context tag name");
      }
      extra.put(key, in.readString());
    }
    return new ContextTags(service, env, region, release, extra);
  }
}
